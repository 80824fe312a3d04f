package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the NRE panel, over real HTTP: a reader sees no control, only the line saying what they may do and whom
 * to ask; a writer sees the controls; Deregister stands apart in the danger zone and asks first.
 */
@Tag("slow")
class ReadersAndDangerZoneTest {

    @TempDir
    Path dir;
    TestConsole console;
    WebClient admin;

    @BeforeEach
    void start() throws Exception {
        console = TestConsole.simulated(dir);
        admin = console.admin();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aReaderSeesNoControlAndOneLineSayingWhatTheyMayDoAndWhomToAsk() throws Exception {
        console.grant(RightsAcceptanceTest.NRE, "user:u-registrar", "R");
        console.grant(RightsAcceptanceTest.NRE, "group:g-sysadmins", "W");
        WebClient registrar = console.demoUser("registrar");
        RegistrationAcceptanceTest.waitFor(() -> registrar.get("/panels/nre").body().contains("Terms of Service version"),
                "the terms");

        String panel = panelOf(registrar.get("/panels/nre").body());

        assertThat(panel).doesNotContain("<input").doesNotContain("<button").doesNotContain("<form")
                .doesNotContain("I have read and agree").doesNotContain("Danger zone")
                .contains("<p class=\"reader-note\" role=\"note\" data-key=\"reader-note\">You can view this tool. ")
                .contains("\"Register with the National Records Exchange\", \"Accept the updated Terms of Service\", "
                        + "\"Check status now\", \"Resend locality\" and \"Deregister\" need the W or D level of "
                        + "'National Records Exchange'. Ask a console administrator (");
        assertThat(registrar.get("/api/panels/nre").body()).doesNotContain("\"type\":\"checkbox\"")
                .doesNotContain("\"type\":\"button\"");

        String writer = panelOf(console.demoUser("sysadmin").get("/panels/nre").body());
        assertThat(writer).contains("type=\"checkbox\"", "I have read and agree", "formaction=\"/panels/nre/actions/")
                .contains("\"Deregister\" needs the D level of 'National Records Exchange'")
                .doesNotContain("Danger zone");
    }

    @Test
    void deregisterStandsApartInDangerColoursAndAsksFirstSayingItCannotBeUndone() throws Exception {
        console.grant(RightsAcceptanceTest.NRE, "group:g-sysadmins", "WD");
        WebClient sysadmin = console.demoUser("sysadmin");
        RegistrationAcceptanceTest.waitFor(() -> sysadmin.get("/panels/nre").body().contains("I have read and agree"),
                "the terms");
        assertThat(sysadmin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07")).status()).isEqualTo(303);

        String panel = panelOf(sysadmin.get("/panels/nre").body());
        WebClient.Response asked = sysadmin.submit("/panels/nre", "/panels/nre/actions/deregister", Map.of());
        String json = sysadmin.get("/api/panels/nre").body();

        assertThat(panel).doesNotContain("reader-note").contains("<h2 id=\"danger-zone-heading\">Danger zone</h2>");
        String zone = panel.substring(panel.indexOf("danger-zone"));
        assertThat(zone).contains("action=\"/panels/nre/actions/deregister\"",
                "id=\"b-deregister\" class=\"danger\"");
        assertThat(panel.substring(0, panel.indexOf("danger-zone"))).doesNotContain("actions/deregister");
        assertThat(asked.status()).as("the question is a page of its own").isEqualTo(303);
        assertThat(sysadmin.get(asked.header("Location")).body()).contains("card narrow confirm-danger", "Deregister the district from the National "
                + "Records Exchange?", "<p class=\"cannot-undo\">This cannot be undone.</p>",
                "<button type=\"submit\" class=\"danger\">Deregister</button>",
                "href=\"/panels/nre\">Cancel</a>");
        assertThat(json).contains("\"name\":\"deregister\"").contains("\"destructive\":true");
    }

    private static String panelOf(String page) {
        return page.substring(page.indexOf("<div id=\"panel\""), page.indexOf("panel-announcer"));
    }
}
