package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole registration over HTTP: the real console and plugin zip, the simulated router, a district
 * administrator on the panel and the vendor on the simulated router's panel.
 */
@Tag("slow")
class RegistrationAcceptanceTest {

    @TempDir
    Path dir;
    TestConsole console;
    WebClient admin;

    @BeforeEach
    void start() throws Exception {
        console = TestConsole.simulated(dir);
        admin = console.adminWithTools();
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
        assertThat(admin.followed(unticked).body()).contains("Tick \"I have read and agree to the Terms of Service\" before registering.");

        WebClient.Response registered = admin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07"));
        assertThat(registered.status()).isEqualTo(303);
        String pending = admin.get("/panels/nre").body();
        assertThat(pending).contains("Registered with the National Records Exchange. The vendor will now verify")
                .contains("Registered from: 127.0.0.1, Application Name: med1")
                .containsPattern("Administrator, System at \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d")
                .contains("Pending verification");
        assertThat(exchangeActive()).isFalse();

        String vendorSide = admin.get("/panels/" + Vendor.PANEL).body();
        assertThat(vendorSide).as("an authorize button on the vendor's side")
                .contains("action=\"/panels/" + Vendor.PANEL + "/actions/authorize\"");
        assertThat(admin.submit("/panels/" + Vendor.PANEL, "/panels/" + Vendor.PANEL + "/actions/authorize", Map.of())
                .status()).isEqualTo(303);
        assertThat(new Vendor(admin).registrationIn("ACTIVE")).isNotNull();
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
        assertThat(asked.header("Location")).isEqualTo("/panels/nre/actions/deregister/confirm");
        assertThat(admin.followed(asked).body()).contains("Deregister the district from the National Records Exchange?",
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
        String vendorSide = "/panels/" + Vendor.PANEL;
        WebClient.Response tooSoon = admin.submit(vendorSide, vendorSide + "/actions/publish-terms", Map.of(
                "version", "2027-01", "effective", java.time.LocalDate.now(TestConsole.TIME_ZONE).plusDays(3).toString(),
                "text", "New."));
        assertThat(admin.followed(tooSoon).body()).contains("at least 15 days' notice")
                .as("what was typed is shown again").contains(">New.</textarea>", "value=\"2027-01\"");
        assertThat(admin.submit(vendorSide, vendorSide + "/actions/publish-terms", Map.of("version", "2027-01",
                "effective", effective, "text", "The new terms.\r\n\r\nA second paragraph.")).status())
                .isEqualTo(303);

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
    void aRejectedDistrictRegistersAgainAsANewRegistrationAtTheRouterAndTheRejectedOneIsKept() throws Exception {
        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));
        Vendor vendor = new Vendor(admin);
        String first = vendor.registrationIn("PENDING");
        assertThat(vendor.decide(first, "reject", "").status()).as("a rejection needs a reason").isEqualTo(422);
        assertThat(vendor.registrationIn("PENDING")).isEqualTo(first);
        assertThat(vendor.decide(first, "reject", "The district is not in the state directory.").status())
                .isEqualTo(200);
        assertThat(vendor.decide(first, "authorize", "").status()).as("only a pending one is authorized")
                .isEqualTo(409);
        admin.submit("/panels/nre", "/panels/nre/actions/refresh", Map.of());
        String rejected = admin.get("/panels/nre").body();
        assertThat(rejected).contains("Rejected by the vendor: The district is not in the state directory.",
                ">Register with the National Records Exchange</button>").doesNotContain(">Deregister</button>");

        WebClient.Response again = admin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07"));

        assertThat(again.status()).isEqualTo(303);
        com.fasterxml.jackson.databind.JsonNode registrations = vendor.state().path("registrations");
        assertThat(registrations).as("two registrations at the router").hasSize(2);
        assertThat(registrations.get(0).path("id").asText()).as("the newest is a new registration")
                .isNotEqualTo(first);
        String panel = admin.get("/panels/nre").body();
        assertThat(panel).contains("Registered with the National Records Exchange. The vendor will now verify",
                "Pending verification", "Earlier registrations", first);
        assertThat(admin.get("/api/panels/nre").body()).contains("\"state\":\"PENDING\"",
                "\"earlierRegistrations\":[{\"state\":\"REJECTED\"");
    }

    @Test
    void thePagesLiveUpdateAnswersNotModifiedWhileNothingOnThePanelChanged() {
        WebClient.Response first = admin.get("/panels/nre/live");
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("X-Refresh-Seconds")).isEqualTo("5");

        WebClient.Response unchanged = admin.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(admin.base() + "/panels/nre/live")).header("If-None-Match", etag).GET());
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));
        WebClient.Response changed = admin.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(admin.base() + "/panels/nre/live")).header("If-None-Match", etag).GET());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("Pending verification");
    }

    @Test
    void theJsonApiListsOnlyTheActionsAllowedNowWithTheStateAndTimesForProgramsAndAnswersRefusalsAsProblems() {
        String before = admin.get("/api/panels/nre").body();
        assertThat(before).contains("{\"name\":\"register\"", "{\"name\":\"refresh\"",
                "\"data\":{\"state\":\"NOT_REGISTERED\"").doesNotContain("{\"name\":\"deregister\"");

        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));
        String after = admin.get("/api/panels/nre").body();
        assertThat(after).contains("{\"name\":\"deregister\"", "{\"name\":\"resend-locality\"",
                "\"state\":\"PENDING\"").doesNotContain("{\"name\":\"register\"")
                .containsPattern("\"registeredAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[.\\d]*Z\"");

        WebClient.Response again = admin.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", admin.apiCsrfToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.body()).startsWith("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,")
                .contains("\"detail\":\"The district is already registered and awaiting the vendor's verification. "
                        + "Nothing more was sent.\"", "\"outcome\":\"conflict\"");
        WebClient.Response unticked = admin.postJson("/api/panels/nre/actions/accept-terms", "{}", admin.apiCsrfToken());
        assertThat(unticked.status()).isEqualTo(422);
        assertThat(unticked.body()).contains("\"outcome\":\"invalid\"", "\"errors\":{\"accept-terms\":");
    }

    @Test
    void whileTheRouterCannotBeReachedItsActionsAreShownDisabledWithTheReasonAndTheLastContact() throws Exception {
        admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of("accept-terms", "on", "terms-version", "2026-07"));
        console.routerGoesAway(10);

        WebClient.Response refresh = admin.submit("/panels/nre", "/panels/nre/actions/refresh", Map.of());
        assertThat(admin.followed(refresh).body()).contains("Nothing was sent; try again when the router is back. The router at "
                + "127.0.0.1:", "could not be reached");
        String panel = admin.get("/panels/nre").body();

        // One check found nothing listening, attempt after attempt: the console pauses its calls for a while.
        assertThat(panel).containsSubsequence("Router:", "Unreachable")
                .containsPattern("id=\"b-deregister\"[^>]*disabled")
                .containsPattern("id=\"b-resend-locality\"[^>]*disabled")
                .containsPattern("id=\"b-refresh\"[^>]*disabled")
                .containsPattern("paused calls to it until \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d C[SD]T\\. Last contact: "
                        + "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d C[SD]T\\.");
        assertThat(admin.get("/api/panels/nre").body()).contains("\"actions\":[]", "\"unavailableActions\":[{");
        WebClient.Response sent = admin.submit("/panels/nre", "/panels/nre/actions/resend-locality", Map.of());
        assertThat(admin.followed(sent).body()).as("the server still checks the action itself").contains("Nothing was sent; try again when the router is back.");
    }

    @Test
    void theSettingsPanelRefusesWrongValuesFieldByFieldAndNeverShowsTheSecret() {
        assertThat(admin.get("/panels/nre-settings").body()).contains("Shared secret <span class=\"detail\">(not set)</span>");
        assertThat(admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                Map.of("router-url", "https://router.vendor.example", "district-key", "IL-0150-KEY",
                        "shared-secret", "a-shared-secret-of-some-length", "poll-interval-seconds", "10")).status())
                .isEqualTo(303);
        String settings = admin.get("/panels/nre-settings").body();
        assertThat(settings).contains("Shared secret <span class=\"detail\">(set)</span>")
                .doesNotContainPattern("name=\"shared-secret\" value=\"[^\"]")
                .doesNotContain("a-shared-secret-of-some-length");

        WebClient.Response refused = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                Map.of("router-url", "http://router.example.org", "district-key", "bad key!", "shared-secret", "short",
                        "poll-interval-seconds", "5"));

        assertThat(admin.followed(refused).body()).contains("Use https: plain http is allowed only to a router on this machine",
                "Use only letters, digits and . _ : -", "The shared secret has 16 to 200 characters.",
                "Enter a whole number of seconds from 10 to 86400.");
        assertThat(admin.get("/panels/nre-settings").body()).contains("The router is provided by the plugin "
                + "Simulated router at " + new Vendor(admin).url(), "value=\"https://router.vendor.example\"")
                .doesNotContain("value=\"http://router.example.org");
    }

    @Test
    void theConnectionTestAsksTheRouterWithTheSavedSettingsAndSaysWhatHappened() {
        String settings = admin.get("/panels/nre-settings").body();
        assertThat(settings).contains("Test connection");

        WebClient.Response tested = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/test",
                Map.of());

        assertThat(tested.status()).isEqualTo(303);
        assertThat(admin.get("/panels/nre-settings").body()).contains("accepted the console",
                "Nothing about the district was sent.");
        assertThat(admin.get("/admin/audit").body()).contains("Tested the connection to the router");
    }

    @Test
    void aNewRouterUrlIsNotSavedWithoutTheSharedSecret() {
        WebClient.Response first = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                Map.of("router-url", "https://router.vendor.example", "district-key", "IL-0150-KEY",
                        "shared-secret", "a-shared-secret-of-some-length", "poll-interval-seconds", "10"));
        assertThat(first.status()).isEqualTo(303);

        WebClient.Response refused = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                Map.of("router-url", "https://router2.vendor.example", "district-key", "IL-0150-KEY",
                        "shared-secret", "", "poll-interval-seconds", "10"));

        assertThat(admin.followed(refused).body()).contains("The router URL changed: enter the shared secret again.");
        assertThat(admin.get("/panels/nre-settings").body()).contains("value=\"https://router.vendor.example\"");
    }

    @Test
    void theSimulatedRouterRefusesUnsignedAndWronglySignedRequestsSayingWhy() throws Exception {
        String url = new Vendor(admin).url();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> unsigned = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url + "/v1/terms/current")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Map<String, String> signed = new org.nre.router.protocol.RequestSigner("no-such-key",
                "a-shared-secret-of-some-length").headers("GET", "/v1/terms/current", new byte[0], Instant.now());
        java.net.http.HttpRequest.Builder unknown = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url + "/v1/terms/current"));
        signed.forEach(unknown::header);
        java.net.http.HttpResponse<String> refused = client.send(unknown.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("Unsigned request", "X-NRE-Signature are required");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Unknown key");
    }

    private boolean exchangeActive() {
        return admin.get("/api/panels/nre").body().contains("\"exchangeActive\":true");
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
