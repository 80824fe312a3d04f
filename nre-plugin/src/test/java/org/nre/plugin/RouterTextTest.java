package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionResult;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;

/**
 * Text a broken router sends (terminal escapes, bells, endless reasons) reaches neither the panel nor the
 * database as it came: cleaned of control characters and cut to a bound, or refused when cleaning would change
 * what the district accepts.
 */
class RouterTextTest {

    /** An escape sequence, a bell, a backspace and a right-to-left override, as JSON escapes. */
    static final String NOISE = "\\u001b[2J\\u001b[31mRED\\u0007\\b\\u202e";
    static final String CONTROL = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f\\u202e]";

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
    void aReasonWithTerminalEscapesIsCleanedAndCutBeforeItIsStoredOrShown() throws Exception {
        String reason = "Unpaid " + NOISE + " invoice." + "x".repeat(5000);
        f.router.server().stubFor(post(urlEqualTo("/v1/registrations")).willReturn(RouterStub.registered(201,
                "reg-1", "ACTIVE")));
        f.router.server().stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(RouterStub.json(200,
                RouterStub.registration("reg-1", "SUSPENDED", reason))));
        f.register(TestHost.ADMIN);

        f.runPoller();

        assertThat(f.stored().state()).isEqualTo(RegistrationState.SUSPENDED);
        assertThat(f.stored().stateReason()).startsWith("Unpaid ").contains("RED", "invoice.")
                .doesNotContainPattern(CONTROL).hasSizeLessThanOrEqualTo(1000);
        assertThat(f.history()).extracting(HistoryEntry::detail).allSatisfy(detail ->
                assertThat(detail).doesNotContainPattern(CONTROL));
        assertThat(f.viewText()).contains("Suspended by the vendor: Unpaid").doesNotContainPattern(CONTROL);
    }

    @Test
    void aProblemDetailWithControlCharactersIsCleanedAndCut() {
        f.router.server().stubFor(post(urlEqualTo("/v1/registrations")).willReturn(RouterStub.json(400,
                "{\"title\":\"Bad\",\"status\":400,\"detail\":\"Bad " + NOISE + " request" + "y".repeat(3000)
                        + "\"}")));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result.message()).contains("The router said: Bad").doesNotContainPattern(CONTROL);
        assertThat(result.message().length()).isLessThan(1000);
        assertThat(f.history()).extracting(HistoryEntry::detail).allSatisfy(detail ->
                assertThat(detail).doesNotContainPattern(CONTROL).hasSizeLessThan(1200));
    }

    @Test
    void termsWithControlCharactersAreNotTakenSinceCleaningThemWouldBreakTheirDigest() {
        assertThat(f.act("refresh", TestHost.ADMIN, Map.of())).isInstanceOf(ActionResult.Success.class);
        f.router.server().stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(RouterStub.json(200,
                "{\"version\":\"2027-01\",\"effectiveDate\":\"2027-01-15\",\"digest\":\"sha256:"
                        + "0000000000000000000000000000000000000000000000000000000000000000\",\"text\":\"T " + NOISE
                        + "\"}")));

        ActionResult result = f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(result.message()).contains("control characters").doesNotContainPattern(CONTROL);
        assertThat(f.plugin.parts().terms().current()).map(Terms::version).contains("2026-07");
    }

    @Test
    void anUnknownStateIsNamedCleanly() {
        f.router.server().stubFor(post(urlEqualTo("/v1/registrations")).willReturn(RouterStub.json(201,
                RouterStub.registration("reg-1", "AC\\u001b[5mTIVE", null))));

        ActionResult result = f.register(TestHost.ADMIN);

        assertThat(result.message()).doesNotContainPattern(CONTROL);
        assertThat(f.history()).extracting(HistoryEntry::detail).allSatisfy(detail ->
                assertThat(detail).doesNotContainPattern(CONTROL));
    }
}
