package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Severity;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.PluginHarness;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestDatabase;

/**
 * Two consoles on one MariaDB database, as two nodes of one console: whichever node sees a change, the notice about
 * it is open once, and the poller's health reads the runs of the node that ran it.
 */
@Tag("slow")
class TwoConsolesNoticesTest {

    final TestClock clock = new TestClock(RouterStub.start());
    TestDatabase database;
    RouterStub router;
    PluginHarness first;
    PluginHarness second;

    @BeforeEach
    void start() {
        database = TestDatabase.mariaDb();
        router = new RouterStub(clock);
        router.server().stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(RouterStub.json(200,
                RouterStub.terms(PluginFixture.TERMS_VERSION, "2026-07-01", RouterStub.TERMS_TEXT))));
        first = PluginFixture.harness(database, clock, PluginFixture.FAST, router.url()).start();
        second = PluginFixture.harness(database, clock, PluginFixture.FAST, router.url()).start();
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        router.close();
        database.close();
    }

    @Test
    void theSameSuspensionSeenByBothConsolesIsOneOpenNoticeAndTheWordOfTheDecisionIsRaisedOnce() throws Exception {
        router.server().stubFor(post(urlEqualTo("/v1/registrations")).willReturn(RouterStub.registered(202,
                "reg-1", "PENDING")));
        router.server().stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "SUSPENDED", "Unpaid invoice."))));
        first.panel(NreTool.PANEL_ID, TestHost.ADMIN).actConfirmed("register", Map.of("accept-terms", "on",
                "terms-version", PluginFixture.TERMS_VERSION));

        second.runTask(TestHost.POLLER);
        clock.advance(Duration.ofMinutes(1));
        first.runTask(TestHost.POLLER);
        clock.advance(Duration.ofMinutes(1));
        second.runTask(TestHost.POLLER);

        assertThat(first.notices()).extracting(Notice::key).containsExactly("suspended");
        assertThat(second.notices()).extracting(Notice::key).containsExactly("suspended");
        assertThat(second.notices().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(first.healthChecks().get("poller").details()).as("the second console's run, read by the first")
                .containsEntry("lastSuccess", clock.instant().toString());
    }

    @Test
    void aDecisionIsToldOnceWhicheverConsoleFollowsIt() throws Exception {
        router.server().stubFor(post(urlEqualTo("/v1/registrations")).willReturn(RouterStub.registered(202,
                "reg-1", "PENDING")));
        router.server().stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "ACTIVE", null))));
        first.panel(NreTool.PANEL_ID, TestHost.ADMIN).actConfirmed("register", Map.of("accept-terms", "on",
                "terms-version", PluginFixture.TERMS_VERSION));

        first.runTask(TestHost.POLLER);
        second.runTask(TestHost.POLLER);

        assertThat(second.notices()).extracting(Notice::key).singleElement().asString()
                .startsWith("registration.outcome.");
        assertThat(first.notices()).isEqualTo(second.notices());
    }
}
