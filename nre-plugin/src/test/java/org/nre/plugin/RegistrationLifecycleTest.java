package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.registration.Delivery;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.PluginHarness;

/** The registration lifecycle against WireMock playing the router, checking what is stored after each step. */
@Tag("slow")
class RegistrationLifecycleTest {

    static final String REGISTRATIONS = "/v1/registrations";
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
    void aRegistrationIsPendingUntilTheVendorVerifiesAndAuthorizesItThenActive() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("vendor").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "PENDING", null))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("vendor").whenScenarioStateIs("authorized")
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(result.message()).contains("pending verification");
        Registration stored = f.stored();
        assertThat(stored.state()).isEqualTo(RegistrationState.PENDING);
        assertThat(stored.routerRegistrationId()).isEqualTo("reg-1");
        assertThat(stored.registeredByName()).isEqualTo("Doe, Jane");
        assertThat(stored.termsVersion()).isEqualTo(PluginFixture.TERMS_VERSION);
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS))
                .withHeader("Idempotency-Key", equalTo(stored.idempotencyKey()))
                .withRequestBody(equalToJson("""
                        {"districtId": "IL-0150", "districtName": "Prairie Valley CUSD 150", "state": "IL",
                         "clientReference": "%s",
                         "applicationName": "med1", "sourceAddress": "127.0.0.1",
                         "registeredBy": {"id": "jdoe", "name": "Doe, Jane"},
                         "terms": {"version": "2026-07", "digest": "${json-unit.any-string}",
                                   "acceptedAt": "2026-11-28T19:04:44Z"},
                         "locality": {"cities": ["Chatham", "Springfield"],
                                      "postalCodes": ["62629", "62704", "62711"]}}""".formatted(stored.id()))));
        TermsAcceptance acceptance = f.plugin.parts().terms().store().acceptances("IL-0150").get(0);
        assertThat(acceptance.termsVersion()).isEqualTo("2026-07");
        assertThat(acceptance.termsDigest()).startsWith("sha256:");
        assertThat(acceptance.acceptedById()).isEqualTo("jdoe");
        assertThat(acceptance.remoteAddress()).isEqualTo("10.0.0.7");
        assertThat(acceptance.registrationId()).isEqualTo(stored.id());
        assertThat(acceptance.sent()).isTrue();
        assertThat(f.viewText()).contains("Registered from: 127.0.0.1, Application Name: med1",
                "Doe, Jane at 11/28/2026 13:04 CST", "text=Inactive", "Pending verification");
        assertThat(f.history()).first().satisfies(h -> {
            assertThat(h.detail()).isEqualTo("Sent the registration; the router received it (the vendor's "
                    + "reference reg-1) and it awaits the vendor's verification.");
            assertThat(h.delivery()).isEqualTo(Delivery.RECEIVED);
            assertThat(h.requestKey()).isEqualTo(stored.idempotencyKey());
        });

        f.router.server().setScenarioState("vendor", "authorized");
        f.clock.advance(Duration.ofMinutes(1));
        f.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(f.viewText()).contains("text=Active");
        assertThat(new NreExchange(f.plugin).status().active()).isTrue();
        assertThat(f.history()).extracting(HistoryEntry::detail).first().asString()
                .contains("verified and authorized");
    }

    @Test
    void aRejectedDistrictRegistersAgainAsANewRegistrationAndTheRejectedOneIsKept() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).inScenario("ids").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.registered(202, "reg-1", "PENDING")).willSetStateTo("second"));
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).inScenario("ids").whenScenarioStateIs("second")
                .willReturn(RouterStub.registered(202, "reg-2", "PENDING")));
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "REJECTED", "The district is not in the state directory."))));
        f.register(TestHost.ADMIN);
        f.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.REJECTED);
        assertThat(f.stored().stateReason()).isEqualTo("The district is not in the state directory.");
        assertThat(f.viewText()).contains("Rejected by the vendor: The district is not in the state directory.",
                "register again below", "action=register")
                .doesNotContain("action=deregister");
        assertThat(new NreExchange(f.plugin).status().active()).isFalse();

        ActionResult again = f.register(TestHost.user("bob", "Backup, Bob"));

        assertThat(again).isInstanceOf(ActionResult.Success.class);
        f.router.server().verify(2, postRequestedFor(urlEqualTo(REGISTRATIONS)));
        Registration second = f.stored();
        assertThat(second.routerRegistrationId()).isEqualTo("reg-2");
        assertThat(second.state()).isEqualTo(RegistrationState.PENDING);
        assertThat(second.registeredByName()).isEqualTo("Backup, Bob");
        assertThat(f.plugin.parts().registrations().past("IL-0150")).singleElement().satisfies(old -> {
            assertThat(old.routerRegistrationId()).isEqualTo("reg-1");
            assertThat(old.state()).isEqualTo(RegistrationState.REJECTED);
            assertThat(old.registeredByName()).isEqualTo("Doe, Jane");
        });
        assertThat(f.viewText()).contains("Earlier registrations", "Rejected by the vendor. The district is not in "
                + "the state directory.", "Backup, Bob at 11/28/2026 13:04 CST");
    }

    @Test
    void aDeregisteredDistrictRegistersAgain() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).inScenario("ids").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")).willSetStateTo("second"));
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).inScenario("ids").whenScenarioStateIs("second")
                .willReturn(RouterStub.registered(202, "reg-2", "PENDING")));
        f.router.server().stubFor(delete(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "DEREGISTERED", null))));
        f.register(TestHost.ADMIN);
        assertThat(f.act("deregister", TestHost.ADMIN, Map.of())).isInstanceOf(ActionResult.Success.class);
        assertThat(f.viewText()).contains("You may register again below", "action=register");

        ActionResult again = f.register(TestHost.ADMIN);

        assertThat(again).isInstanceOf(ActionResult.Success.class);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-2");
        assertThat(f.all()).extracting(Registration::state)
                .containsExactly(RegistrationState.PENDING, RegistrationState.DEREGISTERED);
    }

    @Test
    void aSuspensionIsShownWithItsReasonAndLiftedWhenTheRouterSaysActiveAgain() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "SUSPENDED", "Unpaid invoice."))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("s").whenScenarioStateIs("lifted")
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));

        assertThat(f.register(TestHost.ADMIN).message()).contains("approved it at once");
        f.runPoller();
        assertThat(f.stored().state()).isEqualTo(RegistrationState.SUSPENDED);
        assertThat(f.viewText()).contains("Suspended by the vendor: Unpaid invoice.");

        f.router.server().setScenarioState("s", "lifted");
        f.runPoller();
        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(f.history()).extracting(HistoryEntry::detail).first().asString().contains("lifted the suspension");
    }

    @Test
    void aDistrictTheRouterAlreadyKnowsIsToldSoAndFollowsTheRoutersRegistrationWithItsOwnRegistrant() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The district is registered.\",\"registration\":"
                        + RouterStub.registration("reg-9", "ACTIVE", null, "another-console") + "}")));

        ActionResult result = f.register(TestHost.user("bob", "Backup, Bob"));

        assertThat(result).as("nothing new was registered: a conflict, not a success")
                .isInstanceOf(ActionResult.Conflict.class);
        assertThat(result.message()).contains("already holds a registration", "registered by Doe, Jane at "
                + "11/28/2026 13:04 CST", "Nothing new was registered");
        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-9");
        assertThat(f.stored().registeredByName()).as("the person of the registration the router holds")
                .isEqualTo("Doe, Jane");
        assertThat(f.all()).extracting(Registration::state)
                .containsExactly(RegistrationState.ACTIVE, RegistrationState.NOT_REGISTERED);
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void registeringWithoutTickingTheTermsIsRefusedAndNothingIsSentOrStored() {
        ActionResult result = f.act("register", TestHost.ADMIN, Map.of("terms-version", "2026-07"));

        assertThat(result).isInstanceOf(ActionResult.Invalid.class);
        assertThat(((ActionResult.Invalid) result).errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("accept-terms"));
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
        assertThat(f.all()).isEmpty();
        assertThat(f.plugin.parts().terms().store().acceptances("IL-0150")).isEmpty();
    }

    @Test
    void aFormShowingOlderTermsThanTheCurrentOnesIsRefused() {
        f.act("refresh", TestHost.ADMIN, Map.of());

        ActionResult result = f.act("register", TestHost.ADMIN, Map.of("accept-terms", "on", "terms-version", "2025-01"));

        assertThat(result).isInstanceOf(ActionResult.Conflict.class);
        assertThat(result.message()).contains("now version 2026-07");
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void aFormShowingAnotherLocalityThanTheOneThatWouldBeSentIsRefused() {
        f.act("refresh", TestHost.ADMIN, Map.of());

        ActionResult result = f.act("register", TestHost.ADMIN, Map.of("accept-terms", "on", "terms-version",
                "2026-07", "locality-digest", "0123456789abcdef0123456789abcdef"));

        assertThat(result).isInstanceOf(ActionResult.Conflict.class);
        assertThat(result.message()).contains("locality changed since the page was shown");
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
        assertThat(f.all()).isEmpty();
    }

    @Test
    void aSecondRegisterAfterTheFirstIsAConflictAndSendsNothing() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        f.register(TestHost.ADMIN);

        ActionResult again = f.register(TestHost.user("bob", "Backup, Bob"));

        assertThat(again).isInstanceOf(ActionResult.Conflict.class);
        assertThat(again.message()).contains("already registered and awaiting the vendor's verification");
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void newTermsAreNoticedAtTheNextPollShownWithTheirDeadlineAndWhatChangedAndTheAcceptanceIsStoredAndSent()
            throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")));
        f.router.server().stubFor(get(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);
        assertThat(f.viewText()).doesNotContain("Terms updated");

        f.publishTerms("2027-01", "2027-01-15", "1. The district shares student records only with registered "
                + "districts.\n\n2. The vendor may update these terms with thirty days' notice.\n\n3. New clause.");
        f.clock.advance(Duration.ofSeconds(61));
        f.runPoller();

        assertThat(f.viewText()).contains("Terms updated - accept by 01/15/2027", "Terms of Service version 2027-01",
                "action=accept-terms", "What changed since version 2026-07, accepted by Doe, Jane",
                "[Used to read, 2. The vendor may update these terms with fifteen days' notice.]",
                "[Now reads, 2. The vendor may update these terms with thirty days' notice.]", "[Added, 3. New clause.]");
        assertThat(f.history()).first().extracting(HistoryEntry::detail).isEqualTo("The vendor published the Terms "
                + "of Service version 2027-01, effective 01/15/2027. Accept them by then to keep exchanging records.");
        ActionResult unticked = f.act("accept-terms", TestHost.ADMIN, Map.of("terms-version", "2027-01"));
        assertThat(unticked).isInstanceOf(ActionResult.Invalid.class);

        ActionResult accepted = f.act("accept-terms", TestHost.user("bob", "Backup, Bob"),
                Map.of("accept-terms", "on", "terms-version", "2027-01"));

        assertThat(accepted.message()).contains("sent the acceptance to the router");
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REG + "/terms-acceptances"))
                .withRequestBody(matchingJsonPath("$.version", equalTo("2027-01")))
                .withRequestBody(matchingJsonPath("$.acceptedBy.name", equalTo("Backup, Bob"))));
        TermsAcceptance latest = f.plugin.parts().terms().store().acceptances("IL-0150").get(0);
        assertThat(latest.termsVersion()).isEqualTo("2027-01");
        assertThat(latest.acceptedByName()).isEqualTo("Backup, Bob");
        assertThat(latest.sent()).isTrue();
        assertThat(f.viewText()).doesNotContain("Terms updated")
                .contains("Terms you accepted", "Version 2026-07 as accepted", "Version 2027-01 as accepted",
                        "fifteen days' notice", "thirty days' notice");
    }

    @Test
    void checkStatusNowSaysWhenItFoundNewTerms() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")));
        f.router.server().stubFor(get(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);
        assertThat(f.act("refresh", TestHost.ADMIN, Map.of()).message())
                .isEqualTo("Checked with the router: the district is registered and Active.");

        f.publishTerms("2027-01", "2027-01-15", "New terms.");
        ActionResult found = f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(found.message()).isEqualTo("Checked with the router: the district is registered and Active. The "
                + "vendor has published new Terms of Service: version 2027-01, effective 01/15/2027. Read them and "
                + "accept them below by then.");
        assertThat(f.act("refresh", TestHost.ADMIN, Map.of()).message()).endsWith("The Terms of Service version "
                + "2027-01 still await your acceptance, by 01/15/2027.");
    }

    @Test
    void anAcceptanceTheRouterCouldNotTakeIsKeptAndSentByThePollerLater() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")));
        f.router.server().stubFor(get(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);
        f.publishTerms("2027-01", "2027-01-15", "New terms.");
        f.runPoller();
        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.problem(503, "Unavailable", "Maintenance")));

        ActionResult accepted = f.act("accept-terms", TestHost.ADMIN,
                Map.of("accept-terms", "on", "terms-version", "2027-01"));

        assertThat(accepted.message()).contains("is recorded", "sends it as soon as the router answers");
        assertThat(f.plugin.parts().terms().store().unsent(f.stored().id())).hasSize(1);

        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.clock.advance(Duration.ofSeconds(61));
        f.runPoller();
        assertThat(f.plugin.parts().terms().store().unsent(f.stored().id())).isEmpty();
    }

    @Test
    void theLocalityIsListedForReviewWithTheOnesLeftOutAndSentExactlyAsShown() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")));
        f.router.server().stubFor(put(urlEqualTo(REG + "/locality"))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);

        String shown = f.viewText();
        assertThat(shown).contains("more than 1% of the district's 1000 students live there (11 students or more)",
                "[Springfield, 750, 75.0%, Sent]", "[Rochester, 9, 0.9%, Left out (1% or fewer)]",
                "[62563, 9, 0.9%, Left out (1% or fewer)]",
                "Sent to the exchange, value=cities Chatham, Springfield; ZIP codes 62629, 62704, 62711",
                "Last sent, value=11/28/2026 13:04 CST: cities Chatham, Springfield; ZIP codes 62629, 62704, 62711");

        ActionResult result = f.act("resend-locality", TestHost.ADMIN, Map.of("locality-digest",
                (String) ((Map<?, ?>) f.data().get("locality")).get("digest")));

        assertThat(result.message()).contains("cities Chatham, Springfield; ZIP codes 62629, 62704, 62711");
        f.router.server().verify(putRequestedFor(urlEqualTo(REG + "/locality")).withRequestBody(equalToJson(
                "{\"cities\":[\"Chatham\",\"Springfield\"],\"postalCodes\":[\"62629\",\"62704\",\"62711\"]}")));
        assertThat(f.act("resend-locality", TestHost.ADMIN, Map.of("locality-digest", "something-else")))
                .isInstanceOf(ActionResult.Conflict.class);
    }

    @Test
    void deregisteringWithdrawsTheDistrictAndKeepsTheHistory() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1", "ACTIVE")));
        f.router.server().stubFor(delete(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "DEREGISTERED", null))));
        f.register(TestHost.ADMIN);

        ActionResult result = f.act("deregister", TestHost.ADMIN, Map.of());

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        f.router.server().verify(1, deleteRequestedFor(urlEqualTo(REG)).withHeader("Idempotency-Key",
                equalTo(f.history().get(0).requestKey())));
        assertThat(f.stored().state()).isEqualTo(RegistrationState.DEREGISTERED);
        assertThat(f.history()).extracting(HistoryEntry::action)
                .containsSubsequence("deregister", "register", "register");
        assertThat(f.viewText()).contains("action=register");
    }

    @Test
    void actionsTheStateDoesNotAllowAreConflictsThatSayWhyAndSendNothing() {
        assertThat(f.act("deregister", TestHost.ADMIN, Map.of()))
                .isEqualTo(ActionResult.conflict("There is no registration to withdraw: the district is not "
                        + "registered. Nothing was sent."));
        assertThat(f.act("resend-locality", TestHost.ADMIN, Map.of())).isInstanceOf(ActionResult.Conflict.class);
        assertThat(f.act("accept-terms", TestHost.ADMIN, Map.of("accept-terms", "on", "terms-version", "2026-07")))
                .isInstanceOf(ActionResult.Conflict.class);
        assertThat(f.router.server().getAllServeEvents()).isEmpty();
    }

    @Test
    void theConsoleRefusesToRegisterWithoutADistrict() {
        try (PluginFixture noDistrict = new PluginFixture(DatabaseProduct.H2, PluginFixture.FAST,
                PluginHarness.Builder::withoutDistrict)) {
            noDistrict.publishDefaultTerms();
            ActionResult result = noDistrict.register(TestHost.ADMIN);
            assertThat(result).isInstanceOf(ActionResult.Conflict.class);
            assertThat(result.message()).contains("no school district set up");
        }
    }

    @Test
    void aWrongSharedSecretIsRefusedByTheRoutersSignatureCheckAndNothingIsRegistered() {
        f.act("refresh", TestHost.ADMIN, Map.of());
        f.harness.context().secrets().put("shared-secret", "not-the-right-secret-at-all");
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1", "PENDING")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("Check the district key and shared secret", "Nothing was registered");
        assertThat(f.plugin.parts().registrations().current("IL-0150")).isEmpty();
        assertThat(f.all()).singleElement().extracting(Registration::state).isEqualTo(RegistrationState.NOT_REGISTERED);
    }

    @Test
    void theRoutersReachabilityIsShownWithItsLastContact() {
        f.router.server().stubFor(get(urlPathEqualTo("/v1/terms/current"))
                .willReturn(RouterStub.problem(503, "Unavailable", "Down for maintenance")));

        f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(f.viewText()).contains("text=Unreachable", "Router unreachable since 11/28/2026 13:04 CST",
                "Down for maintenance");
    }

    @Test
    void theJsonViewCarriesTheStateAsItsEnumAndTimesInIso8601() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        f.register(TestHost.ADMIN);

        Map<String, Object> data = f.data();

        assertThat(data).containsEntry("state", "PENDING").containsEntry("exchangeActive", false)
                .containsEntry("timeZone", "America/Chicago");
        Map<?, ?> registration = (Map<?, ?>) data.get("registration");
        assertThat(registration.get("registeredAt")).isEqualTo("2026-11-28T19:04:44Z");
        assertThat(registration.get("vendorReference")).isEqualTo("reg-1");
        assertThat(((Map<?, ?>) registration.get("registeredBy")).get("name")).isEqualTo("Doe, Jane");
        assertThat(((Map<?, ?>) data.get("terms")).get("effectiveDate")).isEqualTo("2026-07-01");
        assertThat((List<?>) data.get("history")).first().satisfies(h ->
                assertThat(((Map<?, ?>) h).get("delivery")).isEqualTo("RECEIVED"));
        assertThat(buttons()).containsEntry("refresh", "").containsEntry("deregister", "")
                .containsEntry("resend-locality", "").doesNotContainKey("register");
    }

    @Test
    void savedSettingsShowOnTheRegistrationPanelAtOnceThoughItReusesWhatItLastRead() {
        f.settings().remove("router-url");
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.viewText()).contains("text=Not configured");
        assertThat(buttons().get("refresh")).contains("not configured");

        ActionResult saved = f.harness.panel("nre-settings", TestHost.ADMIN).act("save", Map.of(
                "router-url", f.router.url(), "district-key", RouterStub.KEY, "shared-secret", RouterStub.SECRET,
                "poll-interval-seconds", "60"));

        assertThat(saved).isInstanceOf(ActionResult.Success.class);
        assertThat(f.viewText()).doesNotContain("text=Not configured");
    }

    @Test
    void thePanelHandsOutTheViewItBuiltWhileNothingItShowsChangedAndAFreshOneAfterAChange() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1", "PENDING")));
        org.nre.hostapi.panel.PanelView before = f.view();
        assertThat(f.view()).isSameAs(before);

        f.register(TestHost.ADMIN);

        org.nre.hostapi.panel.PanelView after = f.view();
        assertThat(after).isNotSameAs(before);
        assertThat(after.data()).containsEntry("state", "PENDING");
        assertThat(f.view()).isSameAs(after);
    }

    /** The panel's buttons by action, with the reason each is disabled (empty when enabled). */
    private Map<String, String> buttons() {
        Map<String, String> buttons = new java.util.LinkedHashMap<>();
        f.view().sections().forEach(s -> s.components().forEach(c -> {
            if (c instanceof Component.Button b) {
                buttons.put(b.action(), b.disabledReason());
            }
        }));
        return buttons;
    }
}
