package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example plugin that docs/plugin-developer-guide.md walks through, dropped into a real console. */
class ExamplePluginTest {

    @TempDir
    Path dir;

    @Test
    void theGuidesExamplePluginContributesItsMenuRightAndPanelWithItsTableSettingAndSecret() throws IOException {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Files.copy(helloZip(), plugins.resolve(helloZip().getFileName()));
        try (TestConsole console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD)) {
            WebClient admin = console.adminWithTools();
            assertThat(admin.get("/healthz").body()).contains("{\"id\":\"hello\",\"version\":\"1.0.0\",\"state\":\"STARTED\"}");
            assertThat(admin.get("/").body()).containsSubsequence("Tools", "<a href=\"/panels/hello\">Hello</a>");
            assertThat(admin.get("/api/rights").body()).contains("\"id\":\"hello.greetings\"");
            assertThat(admin.get("/panels/hello").body()).contains("Hello, Administrator, System!",
                    "No greeting sent yet.", "Token <span class=\"detail\">(not set)</span>");

            WebClient.Response empty = admin.submit("/panels/hello", "/panels/hello/actions/save", Map.of("greeting", ""));
            assertThat(admin.followed(empty).body()).contains("Use 1 to 200 characters.");
            assertThat(admin.submit("/panels/hello", "/panels/hello/actions/save",
                    Map.of("greeting", "Good morning", "token", "a-token-nobody-sees")).status()).isEqualTo(303);
            assertThat(admin.submit("/panels/hello", "/panels/hello/actions/send", Map.of()).status()).isEqualTo(303);

            String panel = admin.get("/panels/hello").body();
            assertThat(panel).contains("Sent: Good morning", "Token <span class=\"detail\">(set)</span>")
                    .containsSubsequence("Greetings sent", "Administrator, System", "Good morning")
                    .doesNotContain("a-token-nobody-sees");
            var jdbc = console.console().database().jdbc();
            assertThat(jdbc.one("SELECT COUNT(*) FROM hello_greeting", row -> row.getInt(1))).contains(1);
            assertThat(jdbc.one("SELECT COUNT(*) FROM hello_schema_history WHERE version = '1'", row -> row.getInt(1)))
                    .contains(1);
            assertThat(admin.get("/admin/audit").body()).contains("hello.send");
        }
    }

    static Path helloZip() {
        Path folder = TestConsole.builtPluginZip().getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hello-plugin")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
