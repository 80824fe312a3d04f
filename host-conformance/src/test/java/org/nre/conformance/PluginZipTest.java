package org.nre.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginZipTest {

    @TempDir
    Path dir;

    @Test
    void aZipHoldsTheClassesTheExtensionIndexAndTheResourcesUnderClasses() throws IOException {
        Path zip = PluginZip.named("hello").pluginClass("org.example.hello.HelloPlugin", """
                package org.example.hello;
                public class HelloPlugin extends org.pf4j.Plugin {
                }""").source("org.example.hello.Hello", """
                package org.example.hello;
                @org.pf4j.Extension
                public class Hello implements org.nre.hostapi.rights.RightContribution {
                    public java.util.List<org.nre.hostapi.rights.RightDefinition> rights() {
                        return java.util.List.of();
                    }
                }""").resource("db/hello/V1__create.sql", "CREATE TABLE hello (id INT);").zipInto(dir);

        assertThat(zip.getFileName()).hasToString("hello-1.0.0.zip");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(entries(file)).contains("classes/org/example/hello/HelloPlugin.class",
                    "classes/org/example/hello/Hello.class", "classes/META-INF/extensions.idx",
                    "classes/META-INF/MANIFEST.MF", "classes/db/hello/V1__create.sql");
            assertThat(text(file, "classes/META-INF/extensions.idx")).contains("org.example.hello.Hello")
                    .doesNotContain("HelloPlugin");
            assertThat(text(file, "classes/db/hello/V1__create.sql")).isEqualTo("CREATE TABLE hello (id INT);");
        }
    }

    @Test
    void theManifestDescribesThePluginForTheHostApiItWasBuiltWith() throws IOException {
        Path zip = PluginZip.named("described").version("2.1.0").dependsOn("other")
                .pluginClass("org.example.described.Described", """
                        package org.example.described;
                        public class Described extends org.pf4j.Plugin {
                        }""").zipInto(dir);

        try (ZipFile file = new ZipFile(zip.toFile())) {
            Attributes main = new Manifest(new ByteArrayInputStream(bytes(file, "classes/META-INF/MANIFEST.MF")))
                    .getMainAttributes();
            assertThat(main.getValue("Plugin-Id")).isEqualTo("described");
            assertThat(main.getValue("Plugin-Version")).isEqualTo("2.1.0");
            assertThat(main.getValue("Plugin-Class")).isEqualTo("org.example.described.Described");
            assertThat(main.getValue("Plugin-Dependencies")).isEqualTo("other");
            assertThat(main.getValue("Plugin-Requires"))
                    .isEqualTo(PluginZip.thisHostApiMinor(org.nre.hostapi.HostApi.version()));
        }
    }

    @Test
    void aPluginRequiresTheMinorVersionOfTheHostApi() {
        assertThat(PluginZip.thisHostApiMinor("0.2.0")).isEqualTo(">=0.2.0 & <0.3.0");
        assertThat(PluginZip.thisHostApiMinor("1.4.7-SNAPSHOT")).isEqualTo(">=1.4.0 & <1.5.0");
    }

    @Test
    void aDependentPluginCompilesAgainstAnotherWithoutBundlingItsClasses() throws IOException {
        PluginZip api = PluginZip.named("api").source("org.example.api.Greeting", """
                package org.example.api;
                public interface Greeting extends org.pf4j.ExtensionPoint {
                    String greet();
                }""");
        Path zip = PluginZip.named("user").dependsOn("api").compiledAgainst(api).source("org.example.user.Hi", """
                package org.example.user;
                @org.pf4j.Extension
                public class Hi implements org.example.api.Greeting {
                    public String greet() {
                        return "hi";
                    }
                }""").zipInto(dir);

        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(entries(file)).contains("classes/org/example/user/Hi.class")
                    .doesNotContain("classes/org/example/api/Greeting.class");
        }
    }

    @Test
    void sourcesThatDoNotCompileFailWithTheCompilersMessages() {
        PluginZip broken = PluginZip.named("broken").source("org.example.Broken", "class Broken { int x = ; }");

        assertThatThrownBy(() -> broken.zipInto(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The plugin 'broken' did not compile").hasMessageContaining("Broken.java");
    }

    @Test
    void everyTestPluginOfTheKitCompiles() throws IOException {
        ConformancePlugins.write(dir, ConformancePlugins.ALL);

        try (var zips = java.nio.file.Files.list(dir)) {
            assertThat(zips.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "conformance-probe-1.0.0.zip", "conformance-thrower-1.0.0.zip", "conformance-clumsy-1.0.0.zip",
                    "conformance-exporter-1.0.0.zip", "conformance-consumer-1.0.0.zip", "conformance-clash-1.0.0.zip",
                    "conformance-future-1.0.0.zip");
        }
    }

    @Test
    void theKitLooksForTheSecretTheProbeStores() {
        assertThat(ConformancePlugins.probeSource("org/example/conformance/probe/ProbePlugin.java"))
                .contains("\"" + ConformancePlugins.CANARY + "\"");
    }

    private static List<String> entries(ZipFile file) {
        List<String> names = new ArrayList<>();
        file.stream().forEach(entry -> names.add(entry.getName()));
        return names;
    }

    private static String text(ZipFile file, String name) throws IOException {
        return new String(bytes(file, name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ZipFile file, String name) throws IOException {
        try (var in = file.getInputStream(file.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
