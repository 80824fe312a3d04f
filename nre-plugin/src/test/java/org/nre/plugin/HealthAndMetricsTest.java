package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.health.HealthResult;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.RecordedMetrics;

/** The plugin's health checks and metrics, read as a console reads them, against WireMock's router. */
@Tag("slow")
class HealthAndMetricsTest {

    static final String REG = "/v1/registrations/reg-1";

    PluginFixture f;

    @BeforeEach
    void start() {
        f = PluginFixture.h2();
        f.publishDefaultTerms();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void thePluginOffersARouterAndAPollerCheck() {
        assertThat(f.harness.healthChecks()).containsOnlyKeys("router", "poller");
    }

    @Test
    void theRouterCheckIsHealthyWhileTheRouterAnswersAndFailsOnceItHasBeenDownLongerThanAllowed()
            throws Exception {
        assertThat(router().healthy()).isTrue();
        assertThat(router().message()).isEqualTo("No call to the router yet.");

        f.runPoller();
        Instant answered = f.clock.instant();
        assertThat(router().healthy()).isTrue();
        assertThat(router().details()).containsEntry("lastContact", answered.toString());

        f.router.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        f.clock.advance(Duration.ofMinutes(1));
        Instant down = f.clock.instant();
        f.runPoller();

        assertThat(router().healthy()).as("a failure within the 30 minutes allowed").isTrue();
        assertThat(router().details()).containsEntry("unreachableSince", down.toString())
                .containsEntry("lastContact", answered.toString())
                .hasEntrySatisfying("lastFailure", failure -> assertThat(failure).isNotBlank());

        f.clock.advance(Duration.ofMinutes(30));
        HealthResult overdue = router();
        assertThat(overdue.healthy()).isFalse();
        assertThat(overdue.message()).startsWith("The router has not answered since " + down + " (30 minutes, "
                + "longer than the 30 allowed)");
    }

    @Test
    void thePollerCheckHasNothingToFollowWithoutARegistrationAndFailsWhenItsLastSuccessIsTooOld()
            throws Exception {
        assertThat(poller().healthy()).isTrue();
        assertThat(poller().message()).startsWith("Nothing to follow");

        registerPending();
        f.runPoller();
        Instant succeeded = f.clock.instant();
        assertThat(poller().healthy()).isTrue();
        assertThat(poller().details()).containsEntry("lastSuccess", succeeded.toString())
                .containsEntry("lastOutcome", "success");

        f.router.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        f.clock.advance(Duration.ofSeconds(61));
        f.runPoller();
        assertThat(poller().healthy()).as("within three poll intervals").isTrue();

        f.clock.set(succeeded.plus(Duration.ofSeconds(181)));
        HealthResult stale = poller();
        assertThat(stale.healthy()).isFalse();
        assertThat(stale.message()).contains("has not succeeded since " + succeeded, "3 poll intervals (180 seconds)",
                "ended failure");
        assertThat(stale.details()).containsEntry("lastOutcome", "failure");
    }

    @Test
    void routerCallsArCountedByOperationAndOutcomeAndTimed() throws Exception {
        registerPending();
        f.runPoller();
        RecordedMetrics metrics = f.harness.metrics();

        assertThat(metrics.count("nre.router.calls", "operation", "register", "outcome", "answered")).isEqualTo(1.0);
        assertThat(metrics.count("nre.router.calls", "operation", "registration", "outcome", "answered"))
                .isEqualTo(1.0);
        assertThat(metrics.count("nre.router.calls", "operation", "terms", "outcome", "answered")).isEqualTo(2.0);
        assertThat(metrics.timerCount("nre.router.call.duration", "operation", "terms")).isEqualTo(2);
        assertThat(metrics.scrape()).contains("nre_router_calls_total{", "nre_router_call_duration_seconds_count{");

        int port = f.router.server().port();
        f.router.server().stop();
        f.clock.advance(Duration.ofMinutes(1));
        f.runPoller();

        assertThat(metrics.count("nre.router.calls", "operation", "terms", "outcome", "unreachable"))
                .as("the router at " + port + " refused the connection").isEqualTo(1.0);
        assertThat(metrics.count("nre.poller.runs", "outcome", "success")).isEqualTo(1.0);
        assertThat(metrics.count("nre.poller.runs", "outcome", "failure")).isEqualTo(1.0);
    }

    @Test
    void aPollerWithoutARouterCountsItsRunAsSkipped() throws Exception {
        try (PluginFixture unconfigured = new PluginFixture(DatabaseProduct.H2, PluginFixture.FAST,
                console -> console.setting("router-url", ""))) {
            unconfigured.runPoller();

            assertThat(unconfigured.harness.metrics().count("nre.poller.runs", "outcome", "skipped")).isEqualTo(1.0);
            assertThat(unconfigured.harness.healthChecks().get("router").message()).contains("not configured");
        }
    }

    @Test
    void theRegistrationsGaugeFollowsTheStateAtOnceOnThisNodeAndWithinSecondsOnAnother() throws Exception {
        RecordedMetrics metrics = f.harness.metrics();
        assertThat(metrics.gauge("nre.registrations", "state", "not_registered")).isEqualTo(1.0);
        assertThat(metrics.gauge("nre.registrations", "state", "pending")).isZero();

        registerPending();

        assertThat(metrics.gauge("nre.registrations", "state", "pending")).isEqualTo(1.0);
        assertThat(metrics.gauge("nre.registrations", "state", "not_registered")).isZero();

        // Another node's change, straight into the database: seen once the counts are a few seconds old.
        f.plugin.parts().registrations().sql().update("UPDATE nre_registration SET state = 'SUSPENDED'");
        assertThat(metrics.gauge("nre.registrations", "state", "pending")).isEqualTo(1.0);
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(metrics.gauge("nre.registrations", "state", "suspended")).isEqualTo(1.0);
        assertThat(metrics.scrape()).contains("nre_registrations{", "state=\"suspended\"");
    }

    private void registerPending() {
        f.router.server().stubFor(post(urlEqualTo("/v1/registrations")).willReturn(RouterStub.registered(202,
                "reg-1", "PENDING")));
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "PENDING", null))));
        f.register(TestHost.ADMIN);
    }

    private HealthResult router() {
        return f.harness.healthChecks().get("router");
    }

    private HealthResult poller() {
        return f.harness.healthChecks().get("poller");
    }
}
