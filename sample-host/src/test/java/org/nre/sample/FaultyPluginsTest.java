package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.plugins.PluginStatus;

/**
 * Plugins that are broken in every way we know, built in a temporary folder and dropped beside the NRE
 * plugin: each leaves the console and the other plugins running, and says what is wrong on the plugins page
 * and in the log.
 */
@Tag("slow")
class FaultyPluginsTest {

    static final String PANEL_SOURCE = """
            package org.example.%1$s;

            import java.util.EnumSet;
            import java.util.List;
            import org.nre.hostapi.menu.*;
            import org.nre.hostapi.panel.*;
            import org.nre.hostapi.rights.*;
            import org.pf4j.Extension;

            @Extension
            public class Tool implements MenuContribution, RightContribution, SettingsPanel {
                public List<MenuEntry> menuEntries() {
                    return List.of(new MenuEntry("%1$s", List.of("Tests"), "%1$s", 1, Permission.read("%1$s.tool"), "%1$s"));
                }
                public List<RightDefinition> rights() {
                    return List.of(new RightDefinition("%1$s.tool", "%1$s", List.of("Tests"), "", EnumSet.of(Level.READ,
                            Level.WRITE), "", false));
                }
                public PanelDefinition definition() {
                    return new PanelDefinition("%1$s", "%1$s", "%1$s.tool", List.of(PanelAction.of("go", "Go", Level.WRITE)));
                }
                public PanelView view(PanelRequest request) {
                    %2$s
                }
                public ActionResult act(String action, ActionInput input, PanelRequest request) {
                    %3$s
                }
            }
            """;

    @TempDir
    static Path dir;
    static TestConsole console;
    static WebClient admin;
    static String log;

    @BeforeAll
    static void start() throws IOException {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        TestPlugin.named("throws-on-start").pluginClass("org.example.start.Boom", """
                package org.example.start;
                public class Boom extends org.pf4j.Plugin {
                    public void start() {
                        throw new IllegalStateException("the vendor's database is unreachable");
                    }
                }""").zipInto(plugins);
        TestPlugin.named("future-host").requires(">=9.0.0").extension("org.example.future.Tool",
                tool("future", "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        TestPlugin.named("older-host").requires(">=0.1.0 & <0.2.0").extension("org.example.older.Tool",
                tool("older", "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        TestPlugin.named("lonely").dependsOn("ghost@>=1.0.0").extension("org.example.lonely.Tool",
                tool("lonely", "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        TestPlugin.named("follower").dependsOn("throws-on-start").extension("org.example.follower.Tool",
                tool("follower", "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        TestPlugin.named("idle").source("org.example.idle.Nothing", """
                package org.example.idle;
                public interface Nothing extends org.pf4j.ExtensionPoint {
                }""").extension("org.example.idle.Something", """
                package org.example.idle;
                @org.pf4j.Extension
                public class Something implements Nothing {
                }""").zipInto(plugins);
        TestPlugin.named("broken-schema").pluginClass("org.example.schema.Broken", """
                package org.example.schema;
                public class Broken extends org.pf4j.Plugin {
                    private final org.nre.hostapi.PluginContext context;
                    public Broken(org.nre.hostapi.PluginContext context) {
                        this.context = context;
                    }
                    public void start() {
                        context.database().migrate("db/broken");
                    }
                }""").entry("classes/db/broken/V1__broken.sql",
                TestPlugin.utf8("CREATE TABLE broken_table (id BIGINT NOT NULL PRIMARY KEY, oops);")).zipInto(plugins);
        TestPlugin.named("clumsy").extension("org.example.clumsy.Tool", tool("clumsy",
                "throw new IllegalStateException(\"cannot render\");",
                "throw new UnsupportedOperationException(\"cannot act\");")).zipInto(plugins);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(plugins.resolve("damaged-1.0.0.zip"), noise);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plugins.resolve("sneaky-1.0.0.zip")))) {
            zip.putNextEntry(new ZipEntry("classes/META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\nPlugin-Id: sneaky\nPlugin-Version: 1.0.0\n\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("../../escaped.txt"));
            zip.write("written outside the plugins folder".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD);
        } finally {
            System.setOut(original);
        }
        log = captured.toString(StandardCharsets.UTF_8);
        admin = console.adminWithTools();
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    static String tool(String id, String view, String act) {
        return PANEL_SOURCE.formatted(id, view, act);
    }

    @Test
    void theConsoleAndTheNrePluginKeepRunning() {
        WebClient.Response health = admin.get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"DEGRADED\"", "{\"id\":\"nre\",\"version\":\"0.1.0-SNAPSHOT\",\"state\":\"STARTED\"}");
        assertThat(admin.get("/panels/nre").status()).isEqualTo(200);
    }

    @Test
    void aPluginWhoseMigrationsCannotRunIsFailedWithTheReason() {
        assertProblem("broken-schema", "FAILED", "Migrations of plugin 'broken-schema' from 'db/broken' failed:");
        assertProblem("broken-schema", "FAILED", "oops");
    }

    @Test
    void aPluginWhoseStartThrowsIsFailedWithTheReason() {
        assertProblem("throws-on-start", "FAILED", "It failed to start: the vendor's database is unreachable");
    }

    @Test
    void aPluginForAnotherHostApiVersionIsDisabledWithTheVersionsNamed() {
        assertProblem("future-host", "DISABLED", "It requires host API >=9.0.0 but this console offers 0.2.0");
        assertProblem("older-host", "DISABLED", "It requires host API >=0.1.0 & <0.2.0 but this console offers 0.2.0");
    }

    @Test
    void aPluginWhoseDependencyIsMissingIsLeftOutWithTheDependencyNamed() {
        assertProblem("lonely", PluginStatus.REFUSED, "It needs the plugin 'ghost', which is not installed");
    }

    @Test
    void aPluginWhoseDependencyFailedDoesNotStart() {
        assertProblem("follower", "FAILED", "Required dependency 'throws-on-start' failed to start");
    }

    @Test
    void aDamagedZipIsRefusedWithoutExpandingIt() {
        assertProblem("damaged-1.0.0.zip", PluginStatus.REFUSED, "it is not a readable zip");
        assertThat(console.pluginsDir().resolve("damaged-1.0.0")).doesNotExist();
    }

    @Test
    void aZipWithAPathTraversalEntryIsRefusedAndNothingOfItIsWritten() {
        assertProblem("sneaky-1.0.0.zip", PluginStatus.REFUSED, "would be written outside the plugin's folder");
        assertThat(console.pluginsDir().resolve("sneaky-1.0.0")).doesNotExist();
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(console.pluginsDir().getParent().getParent().resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void aPluginThatImplementsNoneOfTheConsolesExtensionPointsIsReported() {
        assertProblem("idle", "STARTED", "It implements none of the console's extension points");
    }

    @Test
    void anExtensionThatThrowsWhileRenderingOrActingGetsAClearPageAndIsReported() {
        WebClient.Response view = admin.get("/panels/clumsy");
        assertThat(view.status()).isEqualTo(500);
        assertThat(view.body()).contains("The plugin 'clumsy' failed to show this panel.").doesNotContain("cannot render",
                "IllegalStateException");
        WebClient.Response act = admin.postForm("/panels/clumsy/actions/go", java.util.Map.of("_csrf", admin.apiCsrfToken()));
        assertThat(act.status()).isEqualTo(500);
        assertThat(act.body()).contains("nothing is known to have changed");
        assertProblem("clumsy", "STARTED", "failed while showing panel 'clumsy' (IllegalStateException: cannot render)");
        assertProblem("clumsy", "STARTED", "failed while running action 'go'");
        assertThat(admin.get("/panels/nre").status()).isEqualTo(200);
    }

    @Test
    void everyProblemIsLoggedWithThePluginsIdVersionAndState() {
        assertThat(log).contains("Plugin nre 0.1.0-SNAPSHOT STARTED")
                .containsPattern("Plugin throws-on-start 1\\.0\\.0 FAILED - It failed to start")
                .containsPattern("Plugin future-host 1\\.0\\.0 DISABLED - It requires host API")
                .contains("Refused sneaky-1.0.0.zip", "Refused damaged-1.0.0.zip");
    }

    private static void assertProblem(String id, String state, String problem) {
        PluginStatus status = console.console().plugins().statuses().stream().filter(p -> p.id().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no status for " + id));
        assertThat(status.state()).isEqualTo(state);
        assertThat(status.problems()).anyMatch(p -> p.contains(problem));
        assertThat(admin.get("/admin/plugins").body()).contains(id).contains(escapeHtml(problem));
        assertThat(admin.get("/api/plugins").body()).contains("\"id\":\"" + id + "\"");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
