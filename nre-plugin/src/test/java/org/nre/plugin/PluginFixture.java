package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.Settings;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.AuditEntry;
import org.nre.testkit.PluginHarness;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestDatabase;

/**
 * The plugin started in the plugin test kit's harness against a real database, with WireMock playing the router and
 * a fast client policy. Actions go through the console's own panel service, as a user who confirmed them.
 */
final class PluginFixture implements AutoCloseable {

    static final RouterPolicy FAST = new RouterPolicy(Duration.ofMillis(500), Duration.ofMillis(800), 3, 4,
            Duration.ofMillis(10), Duration.ofMillis(200), 10, 5, Duration.ofSeconds(60), 64 * 1024);
    static final String TERMS_VERSION = "2026-07";

    final TestClock clock = new TestClock(RouterStub.start());
    final TestDatabase database;
    final RouterStub router;
    final PluginHarness harness;
    final NrePlugin plugin;

    PluginFixture(DatabaseProduct product, RouterPolicy policy) {
        this(product, policy, console -> {
        });
    }

    /** A fixture whose console the test describes further, such as one that serves no district. */
    PluginFixture(DatabaseProduct product, RouterPolicy policy, Consumer<PluginHarness.Builder> console) {
        database = TestDatabase.of(product);
        router = new RouterStub(clock);
        PluginHarness.Builder builder = harness(database, clock, policy, router.url());
        console.accept(builder);
        harness = builder.start();
        plugin = (NrePlugin) harness.plugin();
    }

    /**
     * The plugin in the plugin test kit's harness (the host kit's own settings, secrets, audit log and migrations
     * over a real database, a scheduler the test runs by hand), serving the Prairie Valley district, with the
     * router's address and the district's credentials stored as an operator would store them.
     */
    static PluginHarness.Builder harness(TestDatabase database, TestClock clock, RouterPolicy policy, String url) {
        return PluginHarness.forPlugin("nre", context -> new NrePlugin(context, policy)).database(database)
                .clock(clock).host(TestHost.HOST).district(TestHost.DISTRICT).setting("router-url", url)
                .setting("district-key", RouterStub.KEY).secret("shared-secret", RouterStub.SECRET);
    }

    static PluginFixture h2() {
        return new PluginFixture(DatabaseProduct.H2, FAST);
    }

    void publishTerms(String version, String effective, String text) {
        router.server().stubFor(get(urlEqualTo("/v1/terms/current"))
                .willReturn(RouterStub.json(200, RouterStub.terms(version, effective, text))));
    }

    void publishDefaultTerms() {
        publishTerms(TERMS_VERSION, "2026-07-01", RouterStub.TERMS_TEXT);
    }

    ActionResult register(ActingUser user) {
        return act("register", user, Map.of("accept-terms", "on", "terms-version", TERMS_VERSION));
    }

    ActionResult act(String action, ActingUser user, Map<String, String> input) {
        return harness.panel(NreTool.PANEL_ID, user).actConfirmed(action, input);
    }

    PanelView view() {
        return harness.panel(NreTool.PANEL_ID, TestHost.ADMIN).view();
    }

    String viewText() {
        StringBuilder text = new StringBuilder();
        view().sections().forEach(s -> text.append(s).append('\n'));
        return text.toString();
    }

    /** Runs the status poller once, as the console's scheduler would; answers its next pause. */
    Duration runPoller() throws Exception {
        return harness.runTask(TestHost.POLLER);
    }

    /** The plugin's settings, as the console stores them. */
    Settings settings() {
        return harness.context().settings();
    }

    /** What the plugin wrote to the audit log, as "user action detail", oldest first. */
    List<String> audit() {
        return harness.audit().stream().filter(entry -> entry.source().equals("nre"))
                .map(entry -> entry.userId() + " " + entry.action() + " " + entry.detail()).toList();
    }

    /** Everything in the audit log, the console's entries too. */
    List<AuditEntry> auditEntries() {
        return harness.audit();
    }

    /** The district's registration now. */
    Registration stored() {
        return plugin.parts().registrations().current(TestHost.DISTRICT.id()).orElseThrow();
    }

    /** Every registration and attempt of the district, newest first. */
    List<Registration> all() {
        return plugin.parts().registrations().all(TestHost.DISTRICT.id());
    }

    /** The history, newest first. */
    List<org.nre.plugin.registration.HistoryEntry> history() {
        return plugin.parts().registrations().history(TestHost.DISTRICT.id(), 100);
    }

    /** The panel's facts for programs. */
    Map<String, Object> data() {
        return view().data();
    }

    @Override
    public void close() {
        harness.close();
        router.close();
        database.close();
    }
}
