package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.registration.Delivery;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;

/**
 * A router that is slow, down, overloaded or lying: each case ends in a stored state that tells the truth,
 * and a registration whose answer was lost is settled by looking it up, never by sending it again blindly.
 */
@Tag("slow")
class RouterFaultsTest {

    static final String REGISTRATIONS = "/v1/registrations";
    static final String LOOK_UP_PATH = "/v1/registrations";
    static final int LONGER_THAN_READ_TIMEOUT = 1500;

    PluginFixture f;

    void start(RouterPolicy policy) {
        f = new PluginFixture(DatabaseProduct.H2, policy);
        f.publishDefaultTerms();
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aRegistrationWhoseAnswerIsLostToAFaultIsSettledByLookUpAndNeverSentAgain(Fault fault) throws Exception {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(aResponse().withFault(fault)));
        routerHoldsNothingYetButLookUpFails();

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("will not send it again");
        assertLostAndSettledLater();
    }

    @Test
    void aRegistrationWhoseAnswerTakesLongerThanTheReadTimeoutIsSettledByLookUp() throws Exception {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(202,
                RouterStub.registration("reg-1", "PENDING", null)).withFixedDelay(LONGER_THAN_READ_TIMEOUT)));
        routerHoldsNothingYetButLookUpFails();

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result.message()).contains("did not answer within");
        assertLostAndSettledLater();
    }

    @Test
    void aRegistrationWhoseAnswerTricklesInPastTheReadTimeoutIsCutOffAndSettledByLookUp() throws Exception {
        start(PluginFixture.FAST);
        // The headers come at once; the body drips in over three read timeouts.
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(202,
                RouterStub.registration("reg-1", "PENDING", null)).withChunkedDribbleDelay(30,
                3 * LONGER_THAN_READ_TIMEOUT)));
        routerHoldsNothingYetButLookUpFails();

        long started = System.nanoTime();
        ActionResult result = f.register(TestHost.ADMIN);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(result.message()).contains("did not answer within");
        assertThat(tookMillis).as("the call ends at its read timeout, not when the body ends")
                .isLessThan(3L * LONGER_THAN_READ_TIMEOUT);
        assertThat(Thread.currentThread().isInterrupted()).as("the deadline's interrupt is not left behind").isFalse();
        assertLostAndSettledLater();
    }

    @Test
    void aLostAnswerForARegistrationThatNeverArrivedLeavesTheDistrictNotRegistered() throws Exception {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        f.router.server().stubFor(lookUp().willReturn(RouterStub.json(200, "{\"registrations\":[]}")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("holds nothing under the registration's reference", "Nothing was registered");
        assertThat(f.plugin.parts().registrations().current("IL-0150")).isEmpty();
        assertThat(f.all()).singleElement().extracting(Registration::state).isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(history().get(0).detail()).contains("by its own reference: the router holds nothing under it");
        assertThat(history().get(0).delivery()).isEqualTo(Delivery.NOT_TAKEN);
    }

    @Test
    void settlingALostAnswerNeverAdoptsAnotherRegistrationOfTheDistrict() throws Exception {
        startWithARejectedRegistration();
        assertThat(f.stored().state()).isEqualTo(RegistrationState.REJECTED);
        // The new attempt's answer is lost; the router holds only the old, rejected registration.
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        f.router.server().stubFor(lookUp().willReturn(RouterStub.json(200, "{\"registrations\":["
                + RouterStub.registration("reg-1", "REJECTED", "Unknown district.", "some-other-reference") + "]}")));

        ActionResult result = f.register(TestHost.user("bob", "Backup, Bob"));

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("never arrived, or the router refused it");
        Registration current = f.stored();
        assertThat(current.state()).isEqualTo(RegistrationState.REJECTED);
        assertThat(current.routerRegistrationId()).isEqualTo("reg-1");
        assertThat(current.registeredByName()).as("Registered By is still the person of the registration the router "
                + "holds").isEqualTo("Doe, Jane");
        assertThat(f.all()).extracting(Registration::state)
                .containsExactly(RegistrationState.NOT_REGISTERED, RegistrationState.REJECTED);
    }

    @Test
    void aRegistrationThatCannotLeaveTheConsoleIsRecordedAsNotSentAndTheStateStaysAsItWas() throws Exception {
        startWithARejectedRegistration();
        int port = f.router.server().port();
        f.router.server().stop(); // nothing listens on the port now: the connection is refused

        ActionResult result = f.register(TestHost.user("bob", "Backup, Bob"));

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).startsWith("Nothing was sent; try again when the router is back. The router at "
                + "127.0.0.1:" + port + " could not be reached");
        assertThat(result.message()).doesNotContain("Exception", "idempotency");
        assertThat(f.stored().state()).isEqualTo(RegistrationState.REJECTED);
        assertThat(f.stored().registeredByName()).isEqualTo("Doe, Jane");
        HistoryEntry line = history().get(0);
        assertThat(line.detail()).startsWith("Nothing was sent. The router at 127.0.0.1:" + port)
                .endsWith("The district is still rejected by the vendor.");
        assertThat(line.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(history()).extracting(HistoryEntry::detail).noneMatch(d -> d.contains("sent the registration"));
    }

    @Test
    void aRouterWhoseAddressCannotBeFoundIsReportedInPlainWordsAndNothingIsSent() {
        start(PluginFixture.FAST);
        f.settings().put("router-url", "https://router.invalid");

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).startsWith("Nothing was sent; try again when the router is back.")
                .contains("router.invalid could not be found");
        assertThat(f.all()).isEmpty();
        assertThat(history().get(0).delivery()).isEqualTo(Delivery.NOT_SENT);
    }

    @Test
    void whileTheCircuitIsOpenNothingIsSentTheHistorySaysSoAndTheButtonsSayWhyTheyAreDisabled() {
        start(PluginFixture.FAST);
        f.act("refresh", TestHost.ADMIN, Map.of());
        f.router.server().stubFor(any(anyUrl()).atPriority(1)
                .willReturn(RouterStub.problem(503, "Service Unavailable", "Down")));
        for (int i = 0; i < 3 && f.plugin.parts().router().client().orElseThrow().circuitClosed(); i++) {
            f.act("refresh", TestHost.ADMIN, Map.of());
        }
        assertThat(f.plugin.parts().router().client().orElseThrow().circuitClosed()).isFalse();
        int calls = f.router.server().getAllServeEvents().size();

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result.message()).isEqualTo("Nothing was sent; try again when the router is back. The router "
                + "failed several times in a row, so the console has paused calls to it until 11/28/2026 13:05 CST.");
        assertThat(f.router.server().getAllServeEvents()).hasSize(calls);
        assertThat(f.all()).isEmpty();
        assertThat(history().get(0).detail()).startsWith("Asked to register; nothing was sent. The router failed several times");
        String text = f.viewText();
        assertThat(text).contains("text=Unreachable", "The console has paused calls to it until 11/28/2026 13:05 CST",
                "Button[action=refresh, primary=false, disabledReason=The router "
                + "failed several times in a row, so the console has paused calls to it until 11/28/2026 13:05 CST.",
                "Button[action=register, primary=true, disabledReason=The router failed several times");
    }

    @Test
    void malformedJsonInTheAnswerIsNotBelievedAndTheRegistrationIsSettledByLookUp() {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(202, "{\"id\": \"reg-1\",")));
        f.router.server().stubFor(lookUp().willReturn(RouterStub.lookUpFinding("reg-1", "PENDING")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(result.message()).contains("first answer was lost");
        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-1");
        assertThat(history()).extracting(HistoryEntry::detail).anyMatch(d -> d.contains("not valid JSON"));
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void anAnswerWithAnUnknownStateIsNotBelieved() {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(202,
                RouterStub.registration("reg-1", "APPROVED-ISH", null))));
        f.router.server().stubFor(lookUp().willReturn(RouterStub.problem(503, "Unavailable", "Busy")));

        f.register(TestHost.ADMIN);

        assertThat(f.stored().state()).isEqualTo(RegistrationState.UNKNOWN);
        assertThat(history()).extracting(HistoryEntry::detail)
                .anyMatch(d -> d.contains("'state' is 'APPROVED-ISH', which the contract does not know"));
    }

    @Test
    void anOversizedAnswerIsRefusedUnreadAndNothingIsStored() {
        start(PluginFixture.FAST);
        f.router.server().stubFor(get(urlEqualTo("/v1/terms/current"))
                .willReturn(RouterStub.json(200, "{\"text\":\"" + "x".repeat(100_000) + "\"}")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("larger than 64 KiB");
        assertThat(f.plugin.parts().terms().current()).isEmpty();
        assertThat(f.all()).isEmpty();
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void anOversizedAnswerThatDoesNotDeclareItsLengthIsCutOffAtTheLimitAndNothingIsStored() {
        start(PluginFixture.FAST);
        // Chunked: no Content-Length, so only counting what arrives finds it too large.
        f.router.server().stubFor(get(urlEqualTo("/v1/terms/current"))
                .willReturn(RouterStub.json(200, "{\"text\":\"" + "x".repeat(100_000) + "\"}")
                        .withChunkedDribbleDelay(8, 40)));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("larger than 64 KiB");
        assertThat(f.plugin.parts().terms().current()).isEmpty();
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void tooManyRequestsWithARetryAfterWithinTheCapIsWaitedOutAndRetriedWithTheSameKey() {
        start(new RouterPolicy(Duration.ofMillis(500), Duration.ofMillis(800), 3, 4, Duration.ofMillis(10),
                Duration.ofSeconds(2), 10, 5, Duration.ofSeconds(60), 64 * 1024));
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.problem(429, "Too Many Requests", "Slow down").withHeader("Retry-After", "1"))
                .willSetStateTo("calm"));
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(RouterStub.registered(202, "reg-1", "PENDING")));

        long started = System.nanoTime();
        ActionResult result = f.register(TestHost.ADMIN);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(keysOf(REGISTRATIONS)).containsExactly(f.stored().idempotencyKey());
        f.router.server().verify(2, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void aRetryAfterLongerThanTheCapEndsTheCallAndPutsTheRegistrationBackAsItWas() {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.problem(429, "Too Many Requests", "Slow down").withHeader("Retry-After", "120")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("It asked to wait 120 seconds", "Nothing was registered");
        assertThat(f.plugin.parts().registrations().current("IL-0150")).isEmpty();
        assertThat(f.all()).singleElement().extracting(Registration::state).isEqualTo(RegistrationState.NOT_REGISTERED);
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void serviceUnavailableWithRetryAfterLeavesTheStatusAsItWasAndTheRouterShownUnreachable() throws Exception {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        f.register(TestHost.ADMIN);
        f.router.server().stubFor(get(urlEqualTo("/v1/registrations/reg-1"))
                .willReturn(RouterStub.problem(503, "Service Unavailable", "Maintenance").withHeader("Retry-After", "30")));

        ActionResult refresh = f.act("refresh", TestHost.ADMIN, Map.of());
        Duration pause = f.runPoller();

        assertThat(refresh).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.plugin.parts().health().read().reachable()).isFalse();
        assertThat(f.viewText()).contains("Router unreachable since", "Maintenance", "Pending verification",
                "Button[action=refresh, primary=false, disabledReason=]",
                "Button[action=deregister, primary=false, disabledReason=The router has not answered since 11/28/2026 "
                        + "13:04 CST. Last contact: 11/28/2026 13:04 CST. Press \"Check status now\" to try it again.]",
                "Button[action=resend-locality, primary=false, disabledReason=The router has not answered since");
        assertThat(pause).isGreaterThan(Duration.ofSeconds(60));
    }

    @Test
    void twoAdministratorsRegisteringAtTheSameMomentProduceOneRouterRegistration() throws Exception {
        start(PluginFixture.FAST);
        f.plugin.parts().terms().refresh(f.plugin.parts().router().client().orElseThrow(),
                org.nre.plugin.router.RouterClient.Urgency.INTERACTIVE);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(202,
                RouterStub.registration("reg-1", "PENDING", null)).withFixedDelay(200)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Future<ActionResult> jane = pool.submit(() -> {
                go.await();
                return f.register(TestHost.ADMIN);
            });
            Future<ActionResult> bob = pool.submit(() -> {
                go.await();
                return f.register(TestHost.user("bob", "Backup, Bob"));
            });
            go.countDown();
            List<ActionResult> results = List.of(jane.get(), bob.get());

            assertThat(results).filteredOn(r -> r instanceof ActionResult.Success).hasSize(1);
            assertThat(results).filteredOn(r -> r instanceof ActionResult.Conflict).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.plugin.parts().terms().store().acceptances("IL-0150")).hasSize(1);
    }

    @Test
    void theCircuitOpensWhenTheRouterKeepsFailingAndClosesWhenItAnswersAgain() {
        start(PluginFixture.FAST);
        f.router.server().stubFor(any(anyUrl()).atPriority(1)
                .willReturn(RouterStub.problem(503, "Service Unavailable", "Down")));

        f.act("refresh", TestHost.ADMIN, Map.of());
        f.act("refresh", TestHost.ADMIN, Map.of());
        int callsWhileFailing = f.router.server().getAllServeEvents().size();
        ActionResult shortCircuited = f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(shortCircuited.message()).contains("has paused calls to it");
        assertThat(f.router.server().getAllServeEvents()).hasSize(callsWhileFailing);

        f.router.server().resetAll();
        f.publishDefaultTerms();
        f.clock.advance(Duration.ofSeconds(61));
        ActionResult recovered = f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(recovered).isInstanceOf(ActionResult.Success.class);
        assertThat(f.plugin.parts().router().client().orElseThrow().circuitClosed()).isTrue();
        assertThat(f.plugin.parts().health().read().reachable()).isTrue();
    }

    @Test
    void thePollerBacksOffWhileTheRouterIsDownForAnHourAndRecoversAfterwards() throws Exception {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        f.register(TestHost.ADMIN);
        f.router.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Instant down = f.clock.instant();
        Duration previous = Duration.ZERO;
        int runs = 0;
        while (Duration.between(down, f.clock.instant()).compareTo(Duration.ofHours(1)) < 0) {
            f.clock.advance(Duration.ofSeconds(61)); // past the circuit's open time, so each run reaches the router
            Duration pause = f.runPoller();
            assertThat(pause).isLessThanOrEqualTo(Duration.ofHours(1));
            if (runs++ < 4) {
                assertThat(pause).isGreaterThan(previous);
            }
            previous = pause;
            f.clock.advance(pause);
        }
        assertThat(runs).as("runs in an hour with back-off").isLessThan(10);
        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.viewText()).contains("Router unreachable since 11/28/2026 13:0");

        f.router.server().resetAll();
        f.publishDefaultTerms();
        f.router.server().stubFor(get(urlEqualTo("/v1/registrations/reg-1"))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.clock.advance(Duration.ofSeconds(61));
        Duration pause = f.runPoller();

        assertThat(pause).isEqualTo(Duration.ofSeconds(60));
        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(f.plugin.parts().health().read().reachable()).isTrue();
    }

    @Test
    void aRegistrationLeftUnknownByAConsoleThatDiedMidRequestIsSettledByLookUpNeverResent() throws Exception {
        start(PluginFixture.FAST);
        Instant crashed = f.clock.instant();
        f.plugin.parts().registrations().sql().inTransaction(connection -> RegistrationStore.insert(connection,
                new Registration("5d0c1a52-0000-4000-8000-000000000001", "IL-0150", 0, RegistrationState.UNKNOWN, "",
                        "med1", "127.0.0.1", "jdoe", "Doe, Jane", crashed, "2026-07", "",
                        "6f1c6f3e-0000-4000-8000-000000000001", crashed.plus(Duration.ofMinutes(2)), null, "", null, 0,
                        crashed)));
        f.router.server().stubFor(lookUp().willReturn(RouterStub.lookUpFinding("reg-1", "PENDING")));

        f.runPoller();
        assertThat(f.stored().state()).as("not settled while the request may still be on its way")
                .isEqualTo(RegistrationState.UNKNOWN);
        f.router.server().verify(0, getRequestedFor(urlPathEqualTo(LOOK_UP_PATH)));

        f.clock.advance(Duration.ofMinutes(3));
        f.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-1");
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    /** Doe, Jane registered; the vendor rejected it; the console knows. */
    private void startWithARejectedRegistration() throws Exception {
        start(PluginFixture.FAST);
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        f.router.server().stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "REJECTED", "Unknown district."))));
        f.register(TestHost.ADMIN);
        f.runPoller();
    }

    private void routerHoldsNothingYetButLookUpFails() {
        f.router.server().stubFor(lookUp().inScenario("look-up").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.problem(503, "Service Unavailable", "Busy")));
        f.router.server().stubFor(lookUp().inScenario("look-up").whenScenarioStateIs("back")
                .willReturn(RouterStub.lookUpFinding("reg-1", "PENDING")));
    }

    /** The look-up by the district and the console's own reference, whatever the reference. */
    private static com.github.tomakehurst.wiremock.client.MappingBuilder lookUp() {
        return get(urlPathEqualTo(LOOK_UP_PATH)).withQueryParam("districtId", equalTo("IL-0150"))
                .withQueryParam("clientReference", matching("[0-9a-f-]{36}"));
    }

    private void assertLostAndSettledLater() throws Exception {
        Registration lost = f.stored();
        assertThat(lost.state()).isEqualTo(RegistrationState.UNKNOWN);
        assertThat(history()).extracting(HistoryEntry::detail).anyMatch(d -> d.contains("answer was lost"));
        assertThat(history()).filteredOn(h -> h.delivery() == Delivery.UNCERTAIN).isNotEmpty();
        assertThat(f.viewText()).contains("answer to the registration was lost");
        int posts = f.router.server().findAll(postRequestedFor(urlEqualTo(REGISTRATIONS))).size();
        assertThat(posts).isBetween(1, 3);
        assertThat(keysOf(REGISTRATIONS)).as("every attempt carries the same idempotency key")
                .containsExactly(lost.idempotencyKey());

        f.router.server().setScenarioState("look-up", "back");
        f.clock.advance(Duration.ofMinutes(2)); // past the circuit breaker's open time, as after an outage
        f.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-1");
        assertThat(f.router.server().findAll(postRequestedFor(urlEqualTo(REGISTRATIONS)))).hasSize(posts);
    }

    private Set<String> keysOf(String url) {
        return f.router.server().findAll(postRequestedFor(urlEqualTo(url))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).collect(Collectors.toSet());
    }

    private List<HistoryEntry> history() {
        return f.plugin.parts().registrations().history("IL-0150", 50);
    }

    @SuppressWarnings("unused")
    private static List<LoggedRequest> none() {
        return List.of();
    }
}
