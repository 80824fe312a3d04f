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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionResult;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;

/** The registration lifecycle against WireMock playing the router, checking what is stored after each step. */
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
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(202, RouterStub.registration("reg-1", "PENDING", null))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("vendor").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "PENDING", null))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("vendor").whenScenarioStateIs("authorized")
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(result.message()).contains("pending verification");
        assertThat(f.stored().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-1");
        assertThat(f.stored().registeredByName()).isEqualTo("Doe, Jane");
        assertThat(f.stored().termsVersion()).isEqualTo(PluginFixture.TERMS_VERSION);
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS))
                .withHeader("Idempotency-Key", equalTo(f.stored().idempotencyKey()))
                .withRequestBody(equalToJson("""
                        {"districtId": "IL-0150", "districtName": "Prairie Valley CUSD 150", "state": "IL",
                         "applicationName": "med1", "sourceAddress": "127.0.0.1",
                         "registeredBy": {"id": "jdoe", "name": "Doe, Jane"},
                         "terms": {"version": "2026-07", "digest": "${json-unit.any-string}",
                                   "acceptedAt": "2026-11-28T19:04:44Z"},
                         "locality": {"cities": ["Chatham", "Springfield"],
                                      "postalCodes": ["62629", "62704", "62711"]}}""")));
        TermsAcceptance acceptance = f.plugin.parts().terms().store().acceptances("IL-0150").get(0);
        assertThat(acceptance.termsVersion()).isEqualTo("2026-07");
        assertThat(acceptance.termsDigest()).startsWith("sha256:");
        assertThat(acceptance.acceptedById()).isEqualTo("jdoe");
        assertThat(acceptance.remoteAddress()).isEqualTo("10.0.0.7");
        assertThat(acceptance.sent()).isTrue();
        assertThat(f.viewText()).contains("Registered from: 127.0.0.1, Application Name: med1",
                "Doe, Jane at 11/28/2026 13:04", "text=Inactive", "Pending verification");

        f.router.server().setScenarioState("vendor", "authorized");
        f.clock.advance(Duration.ofMinutes(1));
        f.host.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(f.viewText()).contains("text=Active");
        assertThat(new NreExchange(f.plugin).status().active()).isTrue();
        assertThat(history()).extracting(HistoryEntry::detail).first().asString()
                .contains("verified and authorized");
    }

    @Test
    void aRejectionIsShownWithTheVendorsReasonAndTheDistrictMayRegisterAgain() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(202, RouterStub.registration("reg-1", "PENDING", null))));
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "REJECTED", "The district is not in the state directory."))));
        f.register(TestHost.ADMIN);

        f.host.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.REJECTED);
        assertThat(f.stored().stateReason()).isEqualTo("The district is not in the state directory.");
        assertThat(f.viewText()).contains("Rejected by the vendor: The district is not in the state directory.",
                "action=register");
        assertThat(new NreExchange(f.plugin).status().active()).isFalse();
    }

    @Test
    void aSuspensionIsShownWithItsReasonAndLiftedWhenTheRouterSaysActiveAgain() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "SUSPENDED", "Unpaid invoice."))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("s").whenScenarioStateIs("lifted")
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));

        assertThat(f.register(TestHost.ADMIN).message()).contains("approved it at once");
        f.host.runPoller();
        assertThat(f.stored().state()).isEqualTo(RegistrationState.SUSPENDED);
        assertThat(f.viewText()).contains("Suspended by the vendor: Unpaid invoice.");

        f.router.server().setScenarioState("s", "lifted");
        f.host.runPoller();
        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(history()).extracting(HistoryEntry::detail).first().asString().contains("lifted the suspension");
    }

    @Test
    void aDistrictTheRouterAlreadyKnowsFollowsTheExistingRegistrationInsteadOfCreatingAnother() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.json(409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The district is registered.\",\"registration\":"
                        + RouterStub.registration("reg-9", "ACTIVE", null) + "}")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(result.message()).contains("already holds a registration");
        assertThat(f.stored().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(f.stored().routerRegistrationId()).isEqualTo("reg-9");
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void registeringWithoutTickingTheTermsIsRefusedAndNothingIsSentOrStored() {
        ActionResult result = f.act("register", TestHost.ADMIN, Map.of("terms-version", "2026-07"));

        assertThat(result).isInstanceOf(ActionResult.Invalid.class);
        assertThat(((ActionResult.Invalid) result).errors()).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("accept-terms"));
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
        assertThat(f.plugin.parts().registrations().find("IL-0150")).isEmpty();
        assertThat(f.plugin.parts().terms().store().acceptances("IL-0150")).isEmpty();
    }

    @Test
    void aFormShowingOlderTermsThanTheCurrentOnesIsRefused() {
        f.plugin.parts().terms().refresh(f.plugin.parts().router().client().orElseThrow(),
                org.nre.plugin.router.RouterClient.Urgency.INTERACTIVE);

        ActionResult result = f.act("register", TestHost.ADMIN, Map.of("accept-terms", "on", "terms-version", "2025-01"));

        assertThat(result).isInstanceOf(ActionResult.Conflict.class);
        assertThat(result.message()).contains("now version 2026-07");
        f.router.server().verify(0, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void aSecondRegisterAfterTheFirstIsAConflictAndSendsNothing() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(202, RouterStub.registration("reg-1", "PENDING", null))));
        f.register(TestHost.ADMIN);

        ActionResult again = f.register(TestHost.user("bob", "Backup, Bob"));

        assertThat(again).isInstanceOf(ActionResult.Conflict.class);
        assertThat(again.message()).contains("already registered and awaiting the vendor's verification");
        f.router.server().verify(1, postRequestedFor(urlEqualTo(REGISTRATIONS)));
    }

    @Test
    void updatedTermsAreShownWithTheirDeadlineAndTheAcceptanceIsStoredAndSent() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(get(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);
        assertThat(f.viewText()).doesNotContain("Terms updated");

        f.publishTerms("2027-01", "2027-01-15", "New terms.\n\nThey take effect on January 15.");
        f.clock.advance(Duration.ofHours(2));
        f.host.runPoller();

        assertThat(f.viewText()).contains("Terms updated - accept by 01/15/2027", "Terms of Service version 2027-01",
                "action=accept-terms");
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
        assertThat(f.viewText()).doesNotContain("Terms updated");
    }

    @Test
    void anAcceptanceTheRouterCouldNotTakeIsKeptAndSentByThePollerLater() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(get(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);
        f.publishTerms("2027-01", "2027-01-15", "New terms.");
        f.clock.advance(Duration.ofHours(2));
        f.host.runPoller();
        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.problem(503, "Unavailable", "Maintenance")));

        ActionResult accepted = f.act("accept-terms", TestHost.ADMIN,
                Map.of("accept-terms", "on", "terms-version", "2027-01"));

        assertThat(accepted.message()).contains("is recorded", "will send it");
        assertThat(f.plugin.parts().terms().store().unsent("IL-0150")).hasSize(1);

        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.host.runPoller();
        assertThat(f.plugin.parts().terms().store().unsent("IL-0150")).isEmpty();
    }

    @Test
    void theLocalityCanBeSentAgain() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(put(urlEqualTo(REG + "/locality"))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);

        ActionResult result = f.act("resend-locality", TestHost.ADMIN, Map.of());

        assertThat(result.message()).contains("cities Chatham, Springfield; ZIP codes 62629, 62704, 62711");
        f.router.server().verify(putRequestedFor(urlEqualTo(REG + "/locality")).withRequestBody(equalToJson(
                "{\"cities\":[\"Chatham\",\"Springfield\"],\"postalCodes\":[\"62629\",\"62704\",\"62711\"]}")));
    }

    @Test
    void deregisteringWithdrawsTheDistrictAndKeepsTheHistory() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(201, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.router.server().stubFor(delete(urlEqualTo(REG))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "DEREGISTERED", null))));
        f.register(TestHost.ADMIN);

        ActionResult result = f.act("deregister", TestHost.ADMIN, Map.of());

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        f.router.server().verify(1, deleteRequestedFor(urlEqualTo(REG)));
        assertThat(f.stored().state()).isEqualTo(RegistrationState.DEREGISTERED);
        assertThat(history()).extracting(HistoryEntry::action)
                .containsSubsequence("deregister", "register", "register");
        assertThat(f.viewText()).contains("action=register");
    }

    @Test
    void theConsoleRefusesToRegisterWithoutADistrict() {
        f.host.withoutDistrict();
        ActionResult result = f.register(TestHost.ADMIN);
        assertThat(result).isInstanceOf(ActionResult.Conflict.class);
        assertThat(result.message()).contains("no school district set up");
    }

    @Test
    void aWrongSharedSecretIsRefusedByTheRoutersSignatureCheckAndNothingIsRegistered() {
        f.act("refresh", TestHost.ADMIN, Map.of());
        f.host.secrets.put("shared-secret", "not-the-right-secret-at-all");
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS))
                .willReturn(RouterStub.json(202, RouterStub.registration("reg-1", "PENDING", null))));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result).isInstanceOf(ActionResult.Unavailable.class);
        assertThat(result.message()).contains("Check the district key and shared secret", "Nothing was registered");
        assertThat(f.plugin.parts().registrations().find("IL-0150")).map(r -> r.state())
                .hasValueSatisfying(s -> assertThat(s).isEqualTo(RegistrationState.NOT_REGISTERED));
    }

    @Test
    void theRoutersReachabilityIsShownWithItsLastContact() {
        f.router.server().stubFor(get(urlPathEqualTo("/v1/terms/current"))
                .willReturn(RouterStub.problem(503, "Unavailable", "Down for maintenance")));

        f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(f.viewText()).contains("text=Unreachable", "Router unreachable since 11/28/2026 13:04",
                "Down for maintenance");
    }

    @Test
    void savedSettingsShowOnTheRegistrationPanelAtOnceThoughItReusesWhatItLastRead() {
        f.host.settings.remove("router-url");
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.viewText()).contains("text=Not configured");

        ActionResult saved = new NreSettingsPanel(f.plugin).act("save", new org.nre.hostapi.panel.ActionInput(Map.of(
                "router-url", f.router.url(), "district-key", RouterStub.KEY, "shared-secret", "",
                "poll-interval-seconds", "60")), new org.nre.hostapi.panel.PanelRequest(TestHost.ADMIN));

        assertThat(saved).isInstanceOf(ActionResult.Success.class);
        assertThat(f.viewText()).doesNotContain("text=Not configured");
    }

    private java.util.List<HistoryEntry> history() {
        return f.plugin.parts().registrations().history("IL-0150", 50);
    }
}
