package org.nre.sdk.zip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.PluginContext;
import org.pf4j.Plugin;
import org.slf4j.LoggerFactory;

class PluginZipCheckTest {

    private static final Optional<String> HOST_API = Optional.of("0.2.0");
    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    @TempDir
    Path folder;

    private Map<String, byte[]> entries;
    private Map<String, String> descriptor;

    @BeforeEach
    void aFitPlugin() {
        descriptor = new LinkedHashMap<>(Map.of("Plugin-Id", "hello", "Plugin-Version", "1.0.0",
                "Plugin-Requires", ">=0.2.0 & <0.3.0", "Plugin-Class", "org.example.hello.HelloPlugin"));
        entries = new LinkedHashMap<>();
        entries.put("classes/org/example/hello/HelloPlugin.class", new byte[] {1});
        entries.put("classes/org/example/hello/HelloMenu.class", new byte[] {1});
        entries.put("classes/org/example/hello/HelloPanel.class", new byte[] {1});
        entries.put("classes/META-INF/extensions.idx",
                "# generated\norg.example.hello.HelloMenu\norg.example.hello.HelloPanel\n".getBytes(UTF8));
        entries.put("lib/commons-text-1.0.jar", jar(Map.of("org/apache/commons/text/Text.class", new byte[] {1})));
    }

    @Test
    void aZipAsThePluginParentBuildsItPasses() throws IOException {
        PluginZipCheck.Outcome outcome = PluginZipCheck.check(zip(), HOST_API);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.pluginId()).isEqualTo("hello");
        assertThat(outcome.pluginVersion()).isEqualTo("1.0.0");
        assertThat(outcome.extensions()).isEqualTo(2);
        assertThat(outcome.libraries()).isEqualTo(1);
    }

    @Test
    void aZipWithoutTheExtensionIndexIsRefusedWithTheCompilerSettingThatFixesIt() throws IOException {
        entries.remove("classes/META-INF/extensions.idx");

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("no classes/META-INF/extensions.idx", "contribute nothing", "<proc>full</proc>",
                        "@Extension");
    }

    @Test
    void anIndexThatListsNothingOrAMissingClassIsRefused() throws IOException {
        entries.put("classes/META-INF/extensions.idx", "# nothing\n".getBytes(UTF8));
        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("lists no extension");

        entries.put("classes/META-INF/extensions.idx", "org.example.hello.Gone\n".getBytes(UTF8));
        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("org.example.hello.Gone", "not in classes/", "mvn clean package");
    }

    @Test
    void aMissingDescriptorEntryOrAPropertyNeverSetIsRefusedNamingThePomProperty() throws IOException {
        descriptor.remove("Plugin-Id");
        descriptor.put("Plugin-Requires", "${plugin.requires}");

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).containsExactly(
                "Its manifest has no Plugin-Id: set <plugin.id> in the plugin's pom properties.",
                "Its manifest has no Plugin-Requires (it reads '${plugin.requires}', a property that was never "
                        + "set): set <plugin.requires> in the plugin's pom properties.");
    }

    @Test
    void aZipWithoutAManifestIsRefused() throws IOException {
        descriptor.clear();

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("no classes/META-INF/MANIFEST.MF", "Plugin-*");
    }

    @Test
    void aVersionOrRangePf4jCannotReadIsRefused() throws IOException {
        descriptor.put("Plugin-Version", "1.0");
        descriptor.put("Plugin-Requires", ">=zero");

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("Plugin-Version '1.0' is not a semantic version"))
                .anySatisfy(p -> assertThat(p).contains("Plugin-Requires '>=zero' is not a version range"));
    }

    @Test
    void aRangeThatRefusesTheHostApiItIsBuiltAgainstIsRefused() throws IOException {
        descriptor.put("Plugin-Requires", ">=0.3.0");

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("does not accept host API 0.2.0", "<plugin.requires>");
        assertThat(PluginZipCheck.check(zip(), Optional.empty()).problems()).isEmpty();
    }

    @Test
    void aPluginClassThatIsNotInTheZipIsRefused() throws IOException {
        descriptor.put("Plugin-Class", "org.example.hello.Missing");

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("Plugin-Class 'org.example.hello.Missing' is not in classes/");
    }

    @Test
    void copiesOfWhatTheConsoleProvidesInLibAreRefusedOneByOne() throws IOException {
        entries.put("lib/pf4j-3.15.0.jar", Files.readAllBytes(codeSource(Plugin.class)));
        entries.put("lib/slf4j-api.jar", Files.readAllBytes(codeSource(LoggerFactory.class)));
        entries.put("lib/renamed.jar", jar(Map.of("org/nre/hostapi/PluginContext.class",
                classBytes(PluginContext.class))));

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("lib/pf4j-3.15.0.jar is a copy of PF4J",
                        "<scope>provided</scope>"))
                .anySatisfy(p -> assertThat(p).contains("lib/slf4j-api.jar is a copy of SLF4J"))
                .anySatisfy(p -> assertThat(p).contains("lib/renamed.jar is a copy of the host API"));
    }

    @Test
    void theHostApiUnpackedIntoClassesIsRefused() throws IOException {
        entries.put("classes/org/nre/hostapi/PluginContext.class", classBytes(PluginContext.class));

        assertThat(PluginZipCheck.check(zip(), HOST_API).problems()).singleElement().asString()
                .contains("classes/ holds a copy of the host API");
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path notZip = Files.writeString(folder.resolve("broken.zip"), "not a zip");

        assertThat(PluginZipCheck.check(notZip, HOST_API).problems()).singleElement().asString()
                .contains("not a readable zip");
    }

    private Path zip() throws IOException {
        Map<String, byte[]> all = new LinkedHashMap<>();
        if (!descriptor.isEmpty()) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            descriptor.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            manifest.write(bytes);
            all.put(PluginZipCheck.MANIFEST, bytes.toByteArray());
        }
        all.putAll(entries);
        Path zip = Files.createTempFile(folder, "plugin", ".zip");
        try (OutputStream out = Files.newOutputStream(zip)) {
            out.write(jar(all));
        }
        return zip;
    }

    private static byte[] jar(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
