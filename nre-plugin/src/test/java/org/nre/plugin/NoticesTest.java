package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.rights.Level;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;

/** The console-wide notices the plugin raises and clears, as the console keeps them, against WireMock's router. */
@Tag("slow")
class NoticesTest {

    static final String REGISTRATIONS = "/v1/registrations";
    static final String REG = "/v1/registrations/reg-1";
    static final Audience HOLDERS = Audience.holdersOf(NreTool.RIGHT_ID, Level.WRITE);
    /** 2026-12-13 starts at 06:00 UTC in the console's zone (America/Chicago). */
    static final Instant NEW_TERMS_DEADLINE = Instant.parse("2026-12-13T06:00:00Z");

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
    void newTermsAreAWarningWithTheirDeadlineThenCriticalInTheLastThreeDaysAndClearedOnceAccepted() throws Exception {
        registerPending();
        f.runPoller();
        assertThat(open()).isEmpty();

        f.publishTerms("2026-12", "2026-12-13", "1. New terms.");
        f.runPoller();

        Notice terms = only("terms.2026-12");
        assertThat(terms.severity()).isEqualTo(Severity.WARNING);
        assertThat(terms.deadline()).isEqualTo(NEW_TERMS_DEADLINE);
        assertThat(terms.audience()).isEqualTo(HOLDERS);
        assertThat(terms.panelId()).isEqualTo(NreTool.PANEL_ID);
        assertThat(terms.title()).contains("version 2026-12", "12/13/2026");

        f.clock.set(NEW_TERMS_DEADLINE.minus(Duration.ofDays(3)).minusSeconds(1));
        f.runPoller();
        assertThat(only("terms.2026-12").severity()).isEqualTo(Severity.WARNING);

        f.clock.set(NEW_TERMS_DEADLINE.minus(Duration.ofDays(3)));
        f.runPoller();
        assertThat(only("terms.2026-12").severity()).as("raised again, louder, under the same key")
                .isEqualTo(Severity.CRITICAL);

        f.router.server().stubFor(post(urlEqualTo(REG + "/terms-acceptances"))
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "PENDING", null))));
        ActionResult accepted = f.act("accept-terms", TestHost.ADMIN, Map.of("accept-terms", "on",
                "terms-version", "2026-12"));

        assertThat(accepted).isInstanceOf(ActionResult.Success.class);
        assertThat(open()).as("cleared by the action itself, before any poll").isEmpty();
    }

    @Test
    void termsPastTheirDeadlineStayCriticalAndSaySo() throws Exception {
        registerPending();
        f.publishTerms("2026-12", "2026-12-13", "1. New terms.");
        f.runPoller();

        f.clock.set(NEW_TERMS_DEADLINE.plus(Duration.ofDays(1)));
        f.runPoller();

        Notice late = only("terms.2026-12");
        assertThat(late.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(late.text()).contains("took effect on 12/13/2026 and are not accepted yet");
    }

    @Test
    void aRouterDownWhileNoRegistrationIsFollowedIsAWarning() throws Exception {
        f.router.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Instant down = f.clock.instant();
        f.runPoller();

        f.clock.set(down.plus(Duration.ofMinutes(30)));
        f.runPoller();

        Notice unreachable = only("router.unreachable");
        assertThat(unreachable.severity()).isEqualTo(Severity.WARNING);
        assertThat(unreachable.title()).contains("more than 30 minutes");
    }

    @Test
    void termsThatNoLongerApplyAreCleared() throws Exception {
        registerPending();
        f.publishTerms("2026-12", "2026-12-13", "1. New terms.");
        f.runPoller();
        assertThat(keys()).containsExactly("terms.2026-12");

        f.publishTerms("2027-01", "2027-01-15", "1. Newer terms.");
        f.runPoller();

        assertThat(keys()).containsExactly("terms.2027-01");
    }

    @Test
    void aSuspensionIsCriticalUntilTheVendorLiftsItAndTheVendorsReasonIsPlainText() throws Exception {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(201, "reg-1",
                "ACTIVE")));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "SUSPENDED",
                        "Unpaid invoice <b>#42</b>."))));
        f.router.server().stubFor(get(urlEqualTo(REG)).inScenario("s").whenScenarioStateIs("lifted")
                .willReturn(RouterStub.json(200, RouterStub.registration("reg-1", "ACTIVE", null))));
        f.register(TestHost.ADMIN);
        assertThat(open()).as("the registrant saw the vendor approve at once: no word for them").isEmpty();

        f.runPoller();

        Notice suspended = only("suspended");
        assertThat(suspended.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(suspended.audience()).isEqualTo(HOLDERS);
        assertThat(suspended.text()).contains("Unpaid invoice <b>#42</b>.");

        f.runPoller();
        assertThat(keys()).as("the same state raises nothing new").containsExactly("suspended");

        f.router.server().setScenarioState("s", "lifted");
        f.runPoller();
        assertThat(open()).isEmpty();
    }

    @Test
    void aRejectionIsAWarningForTheHoldersAndAWordForTheRegistrantClearedWhenTheDistrictRegistersAgain()
            throws Exception {
        registerPending();
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "REJECTED", "The district is not in the state directory."))));

        f.runPoller();

        Notice rejected = only("rejected");
        assertThat(rejected.severity()).isEqualTo(Severity.WARNING);
        assertThat(rejected.text()).contains("The district is not in the state directory.");
        String registration = f.stored().id();
        Notice word = only("registration.outcome." + registration);
        assertThat(word.audience()).isEqualTo(Audience.user("jdoe"));
        assertThat(word.severity()).isEqualTo(Severity.WARNING);
        assertThat(word.text()).contains("The district is not in the state directory.");

        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-2",
                "PENDING")));
        assertThat(f.register(TestHost.ADMIN)).isInstanceOf(ActionResult.Success.class);

        assertThat(keys()).as("the rejection and the word of it end with the new registration").isEmpty();
    }

    @Test
    void theRegistrantIsToldPersonallyWhenTheVendorAuthorizesTheDistrictAndTheWordClosesAfterAWeek()
            throws Exception {
        registerPending();
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "ACTIVE", null))));

        f.runPoller();

        Notice word = only("registration.outcome." + f.stored().id());
        assertThat(word.severity()).isEqualTo(Severity.INFO);
        assertThat(word.audience()).isEqualTo(Audience.user("jdoe"));
        assertThat(word.title()).isEqualTo("The National Records Exchange authorized the district");

        f.clock.advance(Duration.ofDays(7));
        f.runPoller();
        assertThat(open()).isEmpty();
    }

    @Test
    void aRouterDownForLongerThanTheOperatorAllowsRaisesANoticeClearedWhenItAnswersAgain() throws Exception {
        registerPending();
        f.settings().put("router-unreachable-notice-after", "PT45M");
        f.router.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Instant down = f.clock.instant();

        f.runPoller();
        f.clock.set(down.plus(Duration.ofMinutes(44)));
        f.runPoller();
        assertThat(open()).as("within the 45 minutes allowed").isEmpty();

        f.clock.set(down.plus(Duration.ofMinutes(46)));
        f.runPoller();
        Notice unreachable = only("router.unreachable");
        assertThat(unreachable.severity()).as("a registration is followed").isEqualTo(Severity.CRITICAL);
        assertThat(unreachable.title()).contains("more than 45 minutes");
        assertThat(unreachable.text()).contains("11/28/2026 13:04");

        f.router.server().resetAll();
        f.publishDefaultTerms();
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "PENDING", null))));
        f.clock.advance(Duration.ofMinutes(2)); // past the circuit breaker's pause
        f.runPoller();
        assertThat(open()).isEmpty();
    }

    @Test
    void aWrongUnreachableSettingIsShownToTheAdministratorAndTheDefaultApplies() throws Exception {
        f.settings().put("router-unreachable-notice-after", "half an hour");

        assertThat(f.plugin.parts().settings().unreachableAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(f.plugin.parts().settings().unreachableAfterProblem()).hasValueSatisfying(problem -> assertThat(
                problem).contains("nre.router-unreachable-notice-after is wrong: 'half an hour' is not a duration",
                "PT45M", "30 minutes"));
        String settingsPage = String.valueOf(f.harness.panel(NreTool.SETTINGS_PANEL_ID, TestHost.ADMIN).view()
                .sections());
        assertThat(settingsPage).contains("nre.router-unreachable-notice-after is wrong");

        f.settings().put("router-unreachable-notice-after", "0");
        assertThat(f.plugin.parts().settings().unreachableAfterProblem()).hasValueSatisfying(problem -> assertThat(
                problem).contains("is not between 1 minute and 7 days"));
        f.settings().put("router-unreachable-notice-after", "90");
        assertThat(f.plugin.parts().settings().unreachableAfter()).isEqualTo(Duration.ofMinutes(90));
        assertThat(f.plugin.parts().settings().unreachableAfterProblem()).isEmpty();
    }

    private void registerPending() {
        f.router.server().stubFor(post(urlEqualTo(REGISTRATIONS)).willReturn(RouterStub.registered(202, "reg-1",
                "PENDING")));
        f.router.server().stubFor(get(urlEqualTo(REG)).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "PENDING", null))));
        assertThat(f.register(TestHost.ADMIN)).isInstanceOf(ActionResult.Success.class);
    }

    private List<Notice> open() {
        return f.harness.context().notices().open();
    }

    private List<String> keys() {
        return open().stream().map(Notice::key).toList();
    }

    private Notice only(String key) {
        Optional<Notice> found = open().stream().filter(n -> n.key().equals(key)).findFirst();
        assertThat(found).as("open notice " + key + " among " + keys()).isPresent();
        return found.get();
    }
}
