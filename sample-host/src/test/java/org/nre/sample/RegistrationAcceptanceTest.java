package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.exchange.RecordsExchange;

/**
 * The whole registration over HTTP: the real console and plugin zip, the simulated router, a district
 * administrator on the panel and the vendor on the simulator's page.
 */
class RegistrationAcceptanceTest {

    @TempDir
    Path dir;
    TestConsole console;
    WebClient admin;

    @BeforeEach
    void start() throws Exception {
        console = TestConsole.simulated(dir);
        admin = console.admin();
        waitFor(() -> admin.get("/panels/nre").body().contains("I have read and agree to the Terms of Service"),
                "the terms to be fetched from the simulated router");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aDistrictAcceptsTheTermsRegistersAndBecomesActiveOnceTheVendorAuthorizes() throws Exception {
        String panel = admin.get("/panels/nre").body();
        assertThat(panel).contains("Terms of Service version 2026-07", "Effective 07/01/2026",
                "<label for=\"f-accept-terms\">I have read and agree to the Terms of Service</label>",
                ">Register with the National Records Exchange</button>")
                .containsSubsequence("Exchange Registration:", "Not Registered", "Exchange Status:", "Inactive");

        WebClient.Response unticked = admin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("terms-version", "2026-07"));
        assertThat(unticked.status()).isEqualTo(422);
        assertThat(unticked.body()).contains("Tick \"I have read and agree to the Terms of Service\" before registering.");

        WebClient.Response registered = admin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07"));
        assertThat(registered.status()).isEqualTo(303);
        String pending = admin.get("/panels/nre").body();
        assertThat(pending).contains("Registered with the National Records Exchange. The vendor will now verify")
                .contains("Registered from: 127.0.0.1, Application Name: med1")
                .containsPattern("Administrator, System at \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d")
                .contains("Pending verification");
        assertThat(exchangeActive()).isFalse();

        String simulator = admin.get("/simulator").body();
        Matcher id = Pattern.compile("/simulator/registrations/(reg_[0-9a-f]+)/authorize").matcher(simulator);
        assertThat(id.find()).as("an authorize button on the simulator's page").isTrue();
        assertThat(admin.submit("/simulator", "/simulator/registrations/" + id.group(1) + "/authorize", Map.of())
                .status()).isEqualTo(303);
        assertThat(admin.submit("/panels/nre", "/panels/nre/actions/refresh", Map.of()).status()).isEqualTo(303);

        String active = admin.get("/panels/nre").body();
        assertThat(active).containsSubsequence("Exchange Status:", "Active")
                .contains("The vendor verified and authorized the district");
        assertThat(exchangeActive()).isTrue();
        assertThat(admin.get("/api/panels/nre").body()).contains("\"text\":\"Active\"");
    }

    @Test
    void deregisteringAsksForConfirmationFirst() throws Exception {
        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));

        WebClient.Response asked = admin.submit("/panels/nre", "/panels/nre/actions/deregister", Map.of());
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("Deregister the district from the National Records Exchange?",
                "name=\"_confirmed\" value=\"yes\"");
        assertThat(admin.get("/panels/nre").body()).contains("Pending verification");

        WebClient.Response api = admin.postJson("/api/panels/nre/actions/deregister", "{}", admin.apiCsrfToken());
        assertThat(api.status()).isEqualTo(428);

        WebClient.Response done = admin.submit("/panels/nre", "/panels/nre/actions/deregister",
                Map.of("_confirmed", "yes"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(admin.get("/panels/nre").body()).contains("The district is deregistered", "Deregistered (was");
    }

    @Test
    void newTermsFromTheVendorAreShownWithTheirDeadlineAndAcceptedAgain() throws Exception {
        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));
        String effective = java.time.LocalDate.now(TestConsole.TIME_ZONE).plusDays(20).toString();
        WebClient.Response tooSoon = admin.submit("/simulator", "/simulator/terms", Map.of("version", "2027-01",
                "effective", java.time.LocalDate.now(TestConsole.TIME_ZONE).plusDays(3).toString(), "text", "New."));
        assertThat(tooSoon.status()).isEqualTo(422);
        assertThat(tooSoon.body()).contains("at least 15 days' notice");
        assertThat(admin.submit("/simulator", "/simulator/terms", Map.of("version", "2027-01", "effective", effective,
                "text", "The new terms.")).status()).isEqualTo(303);

        admin.submit("/panels/nre", "/panels/nre/actions/refresh", Map.of());
        String panel = admin.get("/panels/nre").body();
        String shown = java.time.LocalDate.parse(effective).format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        assertThat(panel).contains("Terms updated - accept by " + shown, "Terms of Service version 2027-01");

        WebClient.Response accepted = admin.submit("/panels/nre", "/panels/nre/actions/accept-terms",
                Map.of("accept-terms", "on", "terms-version", "2027-01"));
        assertThat(accepted.status()).isEqualTo(303);
        assertThat(admin.get("/panels/nre").body()).contains("sent the acceptance to the router")
                .doesNotContain("Terms updated");
    }

    @Test
    void theSettingsPanelRefusesWrongValuesFieldByFieldAndNeverShowsTheSecret() {
        String settings = admin.get("/panels/nre-settings").body();
        assertThat(settings).contains("Shared secret <span class=\"detail\">(set)</span>")
                .doesNotContainPattern("name=\"shared-secret\" value=\"[^\"]");

        WebClient.Response refused = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                Map.of("router-url", "http://router.example.org", "district-key", "bad key!", "shared-secret", "short",
                        "poll-interval-seconds", "5"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Use https: only a router on this machine",
                "Use only letters, digits and . _ : -", "The shared secret has 16 to 200 characters.",
                "Enter a whole number of seconds from 10 to 86400.");
        assertThat(admin.get("/panels/nre-settings").body()).contains("value=\"" + console.console().simulatedRouter()
                .orElseThrow().url() + "\"");
    }

    private boolean exchangeActive() {
        return console.console().plugins().extensions().find(RecordsExchange.class).get(0).status().active();
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
