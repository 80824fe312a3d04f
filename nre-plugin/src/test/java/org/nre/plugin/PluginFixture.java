package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.time.Duration;
import java.util.Map;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestClock;
import org.nre.plugin.testing.TestDatabase;
import org.nre.plugin.testing.TestHost;

/** The started plugin against a real database and WireMock playing the router, with a fast client policy. */
final class PluginFixture implements AutoCloseable {

    static final RouterPolicy FAST = new RouterPolicy(Duration.ofMillis(500), Duration.ofMillis(800), 3, 4,
            Duration.ofMillis(10), Duration.ofMillis(200), 10, 5, Duration.ofSeconds(60), 64 * 1024);
    static final String TERMS_VERSION = "2026-07";

    final TestClock clock = new TestClock(RouterStub.start());
    final TestDatabase database;
    final TestHost host;
    final RouterStub router;
    final NrePlugin plugin;
    final NrePanel panel;

    PluginFixture(DatabaseProduct product, RouterPolicy policy) {
        database = TestDatabase.of(product);
        host = new TestHost(database, clock);
        router = new RouterStub(clock);
        host.routerAt(router.url(), RouterStub.KEY, RouterStub.SECRET);
        plugin = new NrePlugin(host.context(), policy);
        plugin.start();
        panel = new NrePanel(plugin);
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
        return panel.act(action, new ActionInput(input), new PanelRequest(user));
    }

    PanelView view() {
        return panel.view(new PanelRequest(TestHost.ADMIN));
    }

    String viewText() {
        StringBuilder text = new StringBuilder();
        view().sections().forEach(s -> text.append(s).append('\n'));
        return text.toString();
    }

    /** The district's registration now. */
    Registration stored() {
        return plugin.parts().registrations().current(TestHost.DISTRICT.id()).orElseThrow();
    }

    /** Every registration and attempt of the district, newest first. */
    java.util.List<Registration> all() {
        return plugin.parts().registrations().all(TestHost.DISTRICT.id());
    }

    /** The history, newest first. */
    java.util.List<org.nre.plugin.registration.HistoryEntry> history() {
        return plugin.parts().registrations().history(TestHost.DISTRICT.id(), 100);
    }

    /** The panel's facts for programs. */
    Map<String, Object> data() {
        return view().data();
    }

    @Override
    public void close() {
        plugin.stop();
        router.close();
        database.close();
    }
}
