package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The built NRE plugin zip has PF4J's deployment layout and the descriptor the console checks. */
class PluginZipTest {

    @Test
    void theZipHoldsTheClassesWithTheManifestAndTheExtensionIndex() throws IOException {
        try (ZipFile zip = new ZipFile(TestConsole.builtPluginZip().toFile())) {
            Manifest manifest;
            try (InputStream in = zip.getInputStream(zip.getEntry("classes/META-INF/MANIFEST.MF"))) {
                manifest = new Manifest(in);
            }
            var main = manifest.getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("nre");
            assertThat(main.getValue("Plugin-Version")).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(main.getValue("Plugin-Requires")).isEqualTo(">=0.2.0 & <0.3.0");
            assertThat(main.getValue("Plugin-Provider")).isNotBlank();
            assertThat(main.getValue("Plugin-Description")).contains("National Records Exchange");
            assertThat(main.getValue("Plugin-Class")).isEqualTo("org.nre.plugin.NrePlugin");

            ZipEntry index = zip.getEntry("classes/META-INF/extensions.idx");
            assertThat(index).as("PF4J's extension index").isNotNull();
            try (InputStream in = zip.getInputStream(index)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
                        .contains("org.nre.plugin.NreMenu", "org.nre.plugin.NreRight", "org.nre.plugin.NrePanel");
            }
            assertThat(zip.getEntry("classes/db/nre/V1__create_registration.sql")).isNotNull();
        }
    }

    @Test
    void theConsolesOwnLibrariesStayOutOfTheZip() throws IOException {
        try (ZipFile zip = new ZipFile(TestConsole.builtPluginZip().toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).allMatch(n -> n.startsWith("classes/") || n.startsWith("lib/"));
            assertThat(names).noneMatch(n -> n.startsWith("lib/pf4j") || n.startsWith("lib/host-api")
                    || n.startsWith("lib/slf4j"));
        }
        assertThat(Files.size(TestConsole.builtPluginZip())).isLessThan(2L * 1024 * 1024);
    }

    @Test
    void noPluginZipBringsAJdbcDriverOrFlywayTheConsoleProvidesThem() throws IOException {
        for (Path built : List.of(TestConsole.builtPluginZip(), TestConsole.builtSimulatorZip())) {
            try (ZipFile zip = new ZipFile(built.toFile())) {
                assertThat(Collections.list(zip.entries()).stream().map(ZipEntry::getName)).as(built.toString())
                        .noneMatch(n -> n.startsWith("lib/postgresql") || n.startsWith("lib/mariadb-java-client")
                                || n.startsWith("lib/h2-") || n.startsWith("lib/flyway") || n.startsWith("lib/HikariCP"));
            }
        }
    }

    @Test
    void theBuildDropsTheZipIntoTheTopLevelPluginsFolder() throws IOException {
        Path dropFolder = Path.of("..", "plugins").toAbsolutePath().normalize();
        try (var files = Files.list(dropFolder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains(TestConsole.builtPluginZip().getFileName().toString());
        }
    }
}
