package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managing plugins: enable and disable (remembered), the context class loader, development mode, settings files. */
@Tag("slow")
class PluginPlatformTest {

    static String greeter(String greeting) {
        return """
                package org.example.greeter;

                import java.util.EnumSet;
                import java.util.List;
                import java.util.ServiceLoader;
                import org.nre.hostapi.menu.*;
                import org.nre.hostapi.panel.*;
                import org.nre.hostapi.rights.*;
                import org.pf4j.Extension;

                @Extension
                public class Greeter implements MenuContribution, RightContribution, SettingsPanel {
                    public List<MenuEntry> menuEntries() {
                        return List.of(new MenuEntry("greeter", List.of("Tools"), "Greeter", 1,
                                Permission.read("greeter.tool"), "greeter"));
                    }
                    public List<RightDefinition> rights() {
                        return List.of(new RightDefinition("greeter.tool", "Greeter", List.of("Tools"), "Greets.",
                                EnumSet.of(Level.READ), "", false));
                    }
                    public PanelDefinition definition() {
                        return new PanelDefinition("greeter", "Greeter", "greeter.tool", List.of());
                    }
                    public PanelView view(PanelRequest request) {
                        // ServiceLoader.load(Class) finds providers through the thread's context class loader.
                        StringBuilder found = new StringBuilder();
                        for (Salutation s : ServiceLoader.load(Salutation.class)) {
                            found.append(s.text());
                        }
                        return PanelView.of(Section.of("", new Component.Paragraph("%s"),
                                new Component.LabelledValue("Through ServiceLoader",
                                        found.length() == 0 ? "nothing found" : found.toString())));
                    }
                    public ActionResult act(String action, ActionInput input, PanelRequest request) {
                        return ActionResult.conflict("No actions.");
                    }
                }
                """.formatted(greeting);
    }

    static TestPlugin greeterPlugin(String greeting) {
        return TestPlugin.named("greeter")
                .source("org.example.greeter.Salutation", """
                        package org.example.greeter;
                        public interface Salutation {
                            String text();
                        }""")
                .source("org.example.greeter.Hello", """
                        package org.example.greeter;
                        public class Hello implements Salutation {
                            public String text() {
                                return "found by ServiceLoader";
                            }
                        }""")
                .entry("classes/META-INF/services/org.example.greeter.Salutation",
                        TestPlugin.utf8("org.example.greeter.Hello\n"))
                .extension("org.example.greeter.Greeter", greeter(greeting));
    }

    @TempDir
    Path dir;

    @Test
    void aPluginCallUsesThePluginsClassLoaderSoServiceLoaderFindsItsProviders() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        greeterPlugin("Hello").zipInto(plugins);
        try (TestConsole console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD)) {
            assertThat(console.adminWithTools().get("/panels/greeter").body())
                    .containsSubsequence("Through ServiceLoader:", "found by ServiceLoader");
        }
    }

    @Test
    void theApiDisablesAPluginOnlyOnceConfirmedAndNamesTheToolsAndThePluginsThatStopWithIt() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        greeterPlugin("Hello").zipInto(plugins);
        TestPlugin.named("fan").dependsOn("greeter").extension("org.example.fan.Tool", FaultyPluginsTest.tool("fan",
                "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        try (TestConsole console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD)) {
            WebClient admin = console.adminWithTools();

            WebClient.Response unconfirmed = admin.postJson("/api/plugins/greeter/disable", "{}", admin.apiCsrfToken());
            WebClient.Response form = admin.get(admin.submit("/admin/plugins", "/admin/plugins/greeter/disable",
                    Map.of()).header("Location"));

            assertThat(unconfirmed.status()).isEqualTo(428);
            assertThat(unconfirmed.body()).contains("Disabling the plugin 'greeter' needs a confirmation.",
                    "These plugins depend on it and stop with it: fan.", "\\\"_confirmed\\\": true",
                    "\"dependents\":[\"fan\"]", "\"plugin\":\"greeter\"", "(panel)");
            assertThat(form.body()).contains("<ul id=\"disable-dependents\">", "<li>fan</li>");
            assertThat(admin.get("/panels/greeter").status()).isEqualTo(200);
            assertThat(admin.get("/panels/fan").status()).isEqualTo(200);

            WebClient.Response confirmed = admin.postJson("/api/plugins/greeter/disable", "{\"_confirmed\": true}",
                    admin.apiCsrfToken());

            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            assertThat(confirmed.body()).contains("Stopped with it, as they depend on it: fan.");
            assertThat(admin.get("/panels/fan").status()).isEqualTo(404);
            assertThat(admin.get("/healthz").body()).contains("\"status\":\"UP\"", "\"id\":\"greeter\"",
                    "\"state\":\"DISABLED\"", "by disabling 'greeter'");
            assertThat(admin.postJson("/api/plugins/nobody/disable", "{}", admin.apiCsrfToken()).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aDisabledPluginLosesItsMenuRightsAndPanelAtOnceStaysDisabledAfterARestartAndGetsItsGrantsBack()
            throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        greeterPlugin("Hello").zipInto(plugins);
        try (TestConsole console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD)) {
            WebClient admin = console.adminWithTools();
            TestConsole.grant(admin, "greeter.tool", "user:u-teacher", "R");
            WebClient teacher = console.demoUser("teacher");
            assertThat(teacher.get("/panels/greeter").status()).isEqualTo(200);

            WebClient.Response posted = admin.submit("/admin/plugins", "/admin/plugins/greeter/disable", Map.of());
            assertThat(posted.status()).as("the question is a page of its own").isEqualTo(303);
            WebClient.Response asked = admin.get(posted.header("Location"));
            assertThat(asked.status()).isEqualTo(200);
            assertThat(asked.body()).contains("<h1>Disable the plugin 'greeter'?</h1>", "Tools that disappear for everyone",
                    "(panel)</li>", "No started plugin depends on it.", "name=\"_confirmed\" value=\"yes\"",
                    "class=\"danger\"", "href=\"/admin/plugins\">Cancel</a>");
            assertThat(teacher.get("/panels/greeter").status()).as("nothing changed until confirmed").isEqualTo(200);
            assertThat(admin.postForm("/admin/plugins/greeter/disable", Map.of("_csrf", WebClient.csrfOf(asked.body())))
                    .header("Location")).as("a post without the confirmation asks again")
                    .isEqualTo("/admin/plugins/greeter/disable");
            assertThat(teacher.get("/panels/greeter").status()).isEqualTo(200);
            assertThat(admin.postForm("/admin/plugins/greeter/disable", Map.of("_csrf", WebClient.csrfOf(asked.body()),
                    "_confirmed", "yes")).status()).isEqualTo(303);

            assertThat(teacher.get("/panels/greeter").status()).isEqualTo(404);
            assertThat(teacher.get("/").body()).doesNotContain("Greeter");
            assertThat(admin.get("/admin/rights").body()).doesNotContain("right-greeter.tool");
            assertThat(admin.get("/healthz").body()).as("disabled on purpose is no fault").contains("\"status\":\"UP\"",
                    "{\"id\":\"greeter\",\"version\":\"1.0.0\",\"state\":\"DISABLED\",\"disabledBy\":\"");
            assertThat(console.client().get("/healthz").body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(admin.get("/api/audit?limit=50").body()).contains("plugin.disable.unconfirmed",
                    "Not disabled 'greeter': not confirmed.", "\"plugin.disable\"");
        }
        try (TestConsole restarted = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD)) {
            WebClient admin = restarted.adminWithTools();
            assertThat(admin.get("/healthz").body()).contains("\"status\":\"UP\"",
                    "\"id\":\"greeter\",\"version\":\"1.0.0\",\"state\":\"DISABLED\"");
            assertThat(admin.get("/admin/plugins").body()).contains("/admin/plugins/greeter/enable");

            WebClient.Response enabled = admin.postJson("/api/plugins/greeter/enable", "{}", admin.apiCsrfToken());
            assertThat(enabled.status()).isEqualTo(200);
            assertThat(enabled.body()).contains("Enabled and started the plugin 'greeter'.", "\"state\":\"STARTED\"",
                    "\"done\":true");
            assertThat(restarted.demoUser("teacher").get("/panels/greeter").status()).as("the grant came back").isEqualTo(200);
            assertThat(admin.get("/admin/rights").body()).contains("right-greeter.tool");
        }
    }

    @Test
    void developmentModeLoadsAPluginFromItsBuildOutputAndReloadsItWithoutARestart() throws Exception {
        Path module = greeterPlugin("First build").moduleInto(dir.resolve("greeter"));
        try (TestConsole console = TestConsole.start(List.of("--port", "0", "--data", dir.resolve("data").toString(), "--dev-plugins", module.toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD),
                Clock.systemUTC(), dir.resolve("plugins"))) {
            WebClient admin = console.adminWithTools();
            assertThat(admin.get("/panels/greeter").body()).contains("First build", "found by ServiceLoader");
            assertThat(admin.get("/admin/plugins").body()).contains("Development mode", "/admin/plugins/greeter/reload");

            greeterPlugin("Second build").moduleInto(module);
            WebClient.Response reloaded = admin.submit("/admin/plugins", "/admin/plugins/greeter/reload", Map.of());

            assertThat(reloaded.status()).isEqualTo(303);
            assertThat(admin.get("/admin/plugins").body()).contains("Reloaded the plugin &#39;greeter&#39;".replace("&#39;", "'"));
            assertThat(admin.get("/panels/greeter").body()).contains("Second build").doesNotContain("First build");

            // A build whose start fails: the reload says so in the danger colour, not as a success.
            greeterPlugin("Third build").pluginClass("org.example.greeter.Failing", """
                    package org.example.greeter;
                    public class Failing extends org.pf4j.Plugin {
                        @Override
                        public void start() {
                            throw new IllegalStateException("the third build cannot start");
                        }
                    }""").moduleInto(module);
            admin.submit("/admin/plugins", "/admin/plugins/greeter/reload", Map.of());
            assertThat(admin.get("/admin/plugins").body()).containsPattern("id=\"flash\" class=\"notice tone-danger\""
                    + "[^>]*>Reloaded the plugin 'greeter' from [^<]*, but it did not start \\(FAILED\\): It "
                    + "failed to start: the third build cannot start");
            WebClient.Response api = admin.postJson("/api/plugins/greeter/reload", "{}", admin.apiCsrfToken());
            assertThat(api.status()).isEqualTo(409);
            assertThat(api.body()).contains("\"state\":\"FAILED\"", "\"done\":false", "did not start (FAILED)");
        }
    }

    @Test
    void reloadingIsRefusedOutsideDevelopmentMode() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        try (TestConsole console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD)) {
            WebClient admin = console.adminWithTools();
            WebClient.Response refused = admin.postJson("/api/plugins/nre/reload", "{}", admin.apiCsrfToken());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("only when the console runs in development mode");
            assertThat(admin.postJson("/api/plugins/nobody/disable", "{}", admin.apiCsrfToken()).status()).isEqualTo(404);
        }
    }

    @Test
    void aSettingsFileProvisionsPluginSettingsAndSecrets() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path file = dir.resolve("plugin-settings.properties");
        Files.writeString(file, """
                nre.router-url=https://router.vendor.example
                nre.district-key=IL-0150-KEY
                nre.poll-interval-seconds=120
                nre.secret.shared-secret=a-secret-from-the-settings-file
                """);
        try (TestConsole console = TestConsole.start(List.of("--port", "0", "--plugins", plugins.toString(),
                        "--data", dir.resolve("data").toString(), "--plugin-settings",
                        file.toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD),
                Clock.systemUTC(), plugins)) {
            String settings = console.adminWithTools().get("/panels/nre-settings").body();
            assertThat(settings).contains("value=\"https://router.vendor.example\"", "value=\"IL-0150-KEY\"",
                    "value=\"120\"", "Shared secret <span class=\"detail\">(set)</span>")
                    .doesNotContain("a-secret-from-the-settings-file");
        }
        Files.writeString(file, "nre=no-name\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestConsole.start(List.of("--port", "0", "--plugins",
                        plugins.toString(), "--data", dir.resolve("data2").toString(),
                        "--plugin-settings", file.toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD), Clock.systemUTC(), plugins))
                .hasMessageContaining("key 'nre' must be <plugin>.<name> or <plugin>.secret.<name>");
    }
}
