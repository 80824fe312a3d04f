package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every text a plugin, the router or a user can supply reaches pages escaped: two classic payloads go in
 * through each, and no page serves them as markup.
 */
@Tag("slow")
class EscapingTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKOUT = "\"><img src=x onerror=alert(2)>";

    static final String XSS_PLUGIN = """
            package org.example.xss;

            import java.util.EnumSet;
            import java.util.List;
            import org.nre.hostapi.menu.*;
            import org.nre.hostapi.panel.*;
            import org.nre.hostapi.rights.*;
            import org.pf4j.Extension;

            @Extension
            public class XssTool implements MenuContribution, RightContribution, SettingsPanel {
                static final String SCRIPT = "<script>alert(1)</script>";
                static final String BREAKOUT = "\\"><img src=x onerror=alert(2)>";

                public List<MenuEntry> menuEntries() {
                    return List.of(new MenuEntry("xss", List.of("System Settings", BREAKOUT), SCRIPT, 1,
                            Permission.read("xss.tool"), "xss"));
                }

                public List<RightDefinition> rights() {
                    return List.of(new RightDefinition("xss.tool", SCRIPT, List.of("System Settings", BREAKOUT),
                            BREAKOUT, EnumSet.of(Level.READ, Level.WRITE), BREAKOUT + SCRIPT, true));
                }

                public PanelDefinition definition() {
                    return new PanelDefinition("xss", BREAKOUT, "xss.tool",
                            List.of(PanelAction.of("go", SCRIPT, Level.WRITE),
                                    new PanelAction("confirm", BREAKOUT, Level.WRITE, SCRIPT)));
                }

                public PanelView view(PanelRequest request) {
                    return new PanelView(List.of(new Section(BREAKOUT, List.of(
                            new Component.LabelledValue(SCRIPT, BREAKOUT),
                            new Component.StatusBadge(BREAKOUT, SCRIPT, Tone.DANGER, BREAKOUT),
                            new Component.Notice(Tone.WARNING, SCRIPT),
                            new Component.Paragraph(BREAKOUT),
                            new Component.LongText(SCRIPT, BREAKOUT, SCRIPT + "\\n\\n" + BREAKOUT),
                            new Component.Checkbox("box", BREAKOUT, false),
                            new Component.TextInput("text", SCRIPT, BREAKOUT, InputKind.TEXT, SCRIPT),
                            new Component.TextInput("lines", SCRIPT, "</textarea>" + SCRIPT + "\\n" + BREAKOUT,
                                    InputKind.MULTILINE, SCRIPT),
                            new Component.SecretInput("secret", BREAKOUT, false, SCRIPT),
                            new Component.Hidden("hidden", BREAKOUT),
                            new Component.Table(SCRIPT, List.of(BREAKOUT), List.of(List.of(SCRIPT)), BREAKOUT),
                            new Component.Button("go", true),
                            new Component.Button("confirm", false)))), 0);
                }

                public ActionResult act(String action, ActionInput input, PanelRequest request) {
                    return ActionResult.invalid(SCRIPT, new FieldError("text", BREAKOUT));
                }
            }
            """;

    @TempDir
    static Path dir;
    static TestConsole console;
    static WebClient admin;

    @BeforeAll
    static void start() throws IOException {
        Path plugins = TestConsole.dropFolderWithSimulator(dir);
        TestPlugin.named("xss").extension("org.example.xss.XssTool", XSS_PLUGIN).zipInto(plugins);
        console = TestConsole.start(plugins, dir.resolve("data"), null, "sa", TestConsole.ADMIN_PASSWORD);
        admin = console.adminWithTools();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void textFromAPluginIsEscapedInTheMenuTheRightsMatrixAndThePanel() {
        assertThat(admin.get("/healthz").body()).contains("{\"id\":\"xss\",\"version\":\"1.0.0\",\"state\":\"STARTED\"}");
        assertSafe(admin.get("/").body());
        assertSafe(admin.get("/admin/rights").body());
        String panel = admin.get("/panels/xss").body();
        assertSafe(panel);
        assertThat(panel).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .containsPattern("<textarea id=\"f-lines\" name=\"lines\"[^>]*>&lt;/textarea&gt;&lt;script&gt;")
                .doesNotContain("</textarea><script>");

        String csrf = admin.apiCsrfToken();
        WebClient.Response acted = admin.postForm("/panels/xss/actions/go", Map.of("_csrf", csrf));
        assertSafe(admin.followed(acted).body());
        WebClient.Response confirm = admin.postForm("/panels/xss/actions/confirm", Map.of("_csrf", csrf, "text", BREAKOUT));
        assertSafe(admin.followed(confirm).body());

        WebClient.Response json = admin.get("/api/panels/xss");
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void textFromUsersIsEscapedWhereverItIsShown() {
        WebClient.Response created = admin.submit("/admin/users", "/admin/users", Map.of("login", "mallory",
                "first-name", SCRIPT, "last-name", BREAKOUT, "temporary-password", "temporary-pass-1"));
        assertThat(created.status()).isEqualTo(303);
        WebClient.Response group = admin.submit("/admin/groups", "/admin/groups", Map.of("name", BREAKOUT,
                "description", SCRIPT));
        assertThat(group.status()).isEqualTo(303);

        assertSafe(admin.get("/admin/users").body());
        assertSafe(admin.get("/admin/groups").body());
        assertSafe(admin.get("/admin/rights").body());
        assertSafe(admin.get("/admin/audit").body());
        Matcher user = Pattern.compile("/admin/users/([0-9a-f-]{36})").matcher(admin.get("/admin/users").body());
        assertThat(user.find()).isTrue();
        assertSafe(admin.get("/admin/users/" + user.group(1)).body());

        WebClient mallory = console.client();
        mallory.signIn("mallory", "temporary-pass-1");
        assertSafe(mallory.get("/account/password").body());

        WebClient.Response refused = console.client().postForm("/signin", Map.of("login", BREAKOUT, "password", "x"));
        assertSafe(refused.body());
    }

    @Test
    void textFromTheRouterIsEscapedOnThePanelAndTheVendorsPage() throws Exception {
        RegistrationAcceptanceTest.waitFor(() -> admin.get("/panels/nre").body().contains("I have read and agree"),
                "the terms");
        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));
        String vendorSide = "/panels/" + Vendor.PANEL;
        String id = new Vendor(admin).registrationIn("PENDING");
        // The reject button shares its section's form, which posts to the section's first action.
        assertThat(admin.submit(vendorSide, vendorSide + "/actions/reject", Map.of("registration", id,
                "reason-" + id.replaceFirst("^reg_", ""), BREAKOUT + SCRIPT)).status()).isEqualTo(303);
        admin.submit("/panels/nre", "/panels/nre/actions/refresh", Map.of());

        String panel = admin.get("/panels/nre").body();
        assertThat(panel).contains("Rejected by the vendor: &#34;&gt;&lt;img".replace("&#34;", "\""));
        assertSafe(panel);
        assertSafe(admin.get(vendorSide).body());
        assertSafe(admin.get("/admin/audit").body());
    }

    static void assertSafe(String html) {
        assertThat(html).doesNotContain(SCRIPT).doesNotContain("<img src=x onerror").doesNotContain("\"><img");
    }
}
