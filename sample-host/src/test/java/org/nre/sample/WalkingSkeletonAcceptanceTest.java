package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.plugins.PluginStatus;

/**
 * The real sample console loads the real NRE plugin zip from its drop folder in deployment mode, and the
 * plugin's menu entry, tool right and panel appear over HTTP.
 */
class WalkingSkeletonAcceptanceTest {

    static final String PANEL_TITLE = "National Records Exchange - Registration &amp; Router Status";

    @TempDir
    static Path dir;
    static TestConsole console;
    static WebClient admin;

    @BeforeAll
    static void start() throws IOException {
        console = TestConsole.embedded(dir);
        admin = console.adminWithTools();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void theHealthCheckSaysOnlyUpToAnyoneAndReportsTheHostAndThePluginsToAnAdministrator() {
        WebClient.Response anyone = console.client().get("/healthz");
        WebClient.Response health = admin.get("/healthz");

        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "\"database\":\"UP\"",
                "{\"id\":\"nre\",\"version\":\"0.1.0-SNAPSHOT\",\"state\":\"STARTED\"}");
    }

    @Test
    void thePluginIsLoadedFromItsZipInDeploymentMode() {
        PluginStatus nre = console.console().plugins().statuses().stream()
                .filter(p -> p.id().equals("nre")).findFirst().orElseThrow();

        assertThat(nre.started()).isTrue();
        assertThat(nre.problems()).isEmpty();
        assertThat(nre.provider()).isEqualTo("National Records Exchange project");
        assertThat(nre.requires()).isEqualTo(">=0.2.0 & <0.3.0");
        assertThat(Files.isDirectory(console.pluginsDir().resolve("nre-plugin-0.1.0-SNAPSHOT/classes"))).isTrue();
        assertThat(console.pluginsDir().resolve("nre-plugin-0.1.0-SNAPSHOT/classes/META-INF/extensions.idx"))
                .content().contains("org.nre.plugin.NreMenu", "org.nre.plugin.NreRight", "org.nre.plugin.NrePanel");
    }

    @Test
    void theMenuShowsTheToolUnderSystemSettingsAndDataInterchangeAdministration() {
        String home = admin.get("/").body();

        assertThat(home).containsSubsequence("System Settings", "Data Interchange Administration",
                "<a href=\"/panels/nre\">National Records Exchange</a>");
        assertThat(admin.get("/api/menu").body()).contains(
                "[{\"label\":\"System Settings\",\"panelId\":\"\",\"order\":0,\"children\":[{\"label\":"
                        + "\"Data Interchange Administration\",\"panelId\":\"\",\"order\":0,\"children\":"
                        + "[{\"label\":\"National Records Exchange\",\"panelId\":\"nre\"",
                "{\"label\":\"National Records Exchange Settings\",\"panelId\":\"nre-settings\"");
    }

    @Test
    void theRightsRegistryHoldsTheNreRightWithReadWriteAndDelete() {
        String rights = admin.get("/api/rights").body();

        assertThat(rights).contains("\"id\":\"nre.registration\"", "\"label\":\"National Records Exchange\"",
                "\"path\":[\"System Settings\",\"Data Interchange Administration\"]",
                "\"levels\":[\"R\",\"W\",\"D\"]",
                "\"holderHint\":\"Only the district system administrator and their backup should hold this right\"",
                "\"limitedHolders\":true", "\"plugin\":\"nre\"");
        assertThat(admin.get("/admin/rights").body())
                .contains("Only the district system administrator and their backup should hold this right");
    }

    @Test
    void thePanelShowsNotRegisteredAndInactiveAndThatTheRouterIsNotConfigured() {
        WebClient.Response panel = admin.get("/panels/nre");

        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("<h1>" + PANEL_TITLE + "</h1>")
                .containsSubsequence("Exchange Registration:", "Not Registered")
                .containsSubsequence("Exchange Status:", "Inactive")
                .containsSubsequence("Router:", "Not configured");
        assertThat(admin.get("/api/panels/nre").body()).contains(
                "{\"type\":\"labelled-value\",\"label\":\"Exchange Registration\",\"value\":\"Not Registered\"}",
                "{\"type\":\"status-badge\",\"label\":\"Exchange Status\",\"text\":\"Inactive\"",
                "\"actions\":[]", "\"unavailableActions\":[{\"name\":\"refresh\",\"label\":\"Check status now\","
                        + "\"level\":\"W\",\"reason\":\"The router is not configured yet",
                "\"data\":{\"state\":\"NOT_REGISTERED\",\"exchangeActive\":false");
    }

    @Test
    void thePanelReadsThePluginsOwnTableThatItsOwnMigrationCreated() {
        var jdbc = console.console().database().jdbc();

        assertThat(jdbc.one("SELECT COUNT(*) FROM nre_registration", row -> row.getInt(1))).contains(0);
        assertThat(jdbc.list("SELECT version FROM nre_schema_history WHERE success = TRUE AND version IS NOT NULL"
                + " ORDER BY installed_rank", row -> row.getString(1))).contains("1", "2");
        assertThat(jdbc.list("SELECT version FROM hostkit_schema_history WHERE version = '1'", row -> row.getString(1)))
                .containsExactly("1");
    }

    @Test
    void registeringWithoutTickingTheTermsIsRefusedWithAClearMessageAndStoresNothing() {
        WebClient.Response refused = admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of());

        assertThat(admin.followed(refused).body()).contains("Registration needs the Terms of Service accepted.");
        assertThat(registrations()).isZero();
    }

    @Test
    void registeringWithoutARouterSaysWhatToSetUpAndStoresNothing() {
        WebClient.Response answer = admin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on"));

        assertThat(admin.followed(answer).body()).contains("The router is not configured yet")
                .containsSubsequence("Exchange Registration:", "Not Registered");
        assertThat(registrations()).isZero();
        WebClient.Response api = admin.postJson("/api/panels/nre/actions/register", "{\"accept-terms\":true}",
                admin.apiCsrfToken());
        assertThat(api.status()).isEqualTo(503);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.body()).startsWith("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"Nothing was sent. The router is not configured yet")
                .endsWith("\"outcome\":\"unavailable\"}");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        WebClient.Response refused = admin.postForm("/panels/nre/actions/register", Map.of("accept-terms", "on"));
        WebClient.Response api = admin.postJson("/api/panels/nre/actions/register", "{}", null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("missing or wrong CSRF token");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anActionAskedForWithGetIsNotAllowed() {
        assertThat(admin.get("/panels/nre/actions/register").status()).isEqualTo(405);
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToSignInAndTheApiAnswers401() {
        WebClient visitor = console.client();

        WebClient.Response page = visitor.get("/panels/nre");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/signin");
        WebClient.Response api = visitor.get("/api/panels/nre");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).contains("\"detail\":\"Sign in first.\"");
    }

    @Test
    void everyPageCarriesStrictSecurityHeaders() {
        WebClient.Response page = admin.get("/panels/nre");

        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void anUnknownPanelIsNotFound() {
        assertThat(admin.get("/panels/nope").status()).isEqualTo(404);
        assertThat(admin.get("/api/panels/nope").status()).isEqualTo(404);
    }

    private static int registrations() {
        return console.console().database().jdbc()
                .one("SELECT COUNT(*) FROM nre_registration", row -> row.getInt(1)).orElseThrow();
    }
}
