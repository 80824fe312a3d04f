package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.rights.Level;

/**
 * Notices on the console: the header's badge on every page, the notices page, hiding one, the JSON API, and who
 * sees a notice as grants change. The notices are raised through the NRE plugin's own board.
 */
@Tag("slow")
class NoticePagesTest {

    static final String NRE = "nre.registration";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestConsole console;
    WebClient admin;
    Notices nre;

    @BeforeEach
    void start() throws IOException {
        console = TestConsole.embedded(dir);
        admin = console.admin();
        TestConsole.grant(admin, NRE, "group:g-sysadmins", "RW");
        nre = console.console().kit().notices().forPlugin("nre");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void holdersOfTheRightSeeTheBadgeOnEveryPageAndTheNoticeWithItsDeadlineAndLink() {
        nre.raise(Notice.of("terms.2027-01", Audience.holdersOf(NRE, Level.WRITE), Severity.WARNING,
                "New Terms of Service to accept", "The vendor published new terms.\nAccept them to keep exchanging.")
                .withDeadline(Instant.parse("2027-01-15T18:00:00Z")).linkingTo("nre"));
        WebClient sysadmin = console.demoUser("sysadmin");
        WebClient teacher = console.demoUser("teacher");

        for (String path : new String[] {"/", "/panels/nre", "/account/password"}) {
            assertThat(sysadmin.get(path).body()).as(path).contains("href=\"/notices\" class=\"badge tone-warning\"")
                    .contains("aria-label=\"Notices: 1 open notice\"");
        }
        String list = sysadmin.get("/notices").body();
        assertThat(list).contains("New Terms of Service to accept").contains("Needs action")
                .contains("Deadline: Fri 15 Jan 2027, 12:00 CST").contains("href=\"/panels/nre\"")
                .contains("Open National Records Exchange").contains("Accept them to keep exchanging.");
        assertThat(sysadmin.get("/").body()).as("the home page lists it under Needs your attention")
                .contains("New Terms of Service to accept (by Fri 15 Jan 2027, 12:00 CST)");
        assertThat(teacher.get("/").body()).doesNotContain("href=\"/notices\" class=\"badge").doesNotContain("New Terms of Service");
        assertThat(teacher.get("/notices").body()).contains("You have no open notices");
        String administrators = admin.get("/notices").body();
        assertThat(administrators).as("administration gives no tool right: not theirs, but listed among all")
                .contains("You have no open notices").doesNotContain("href=\"/notices\" class=\"badge");
        assertThat(administrators.substring(administrators.indexOf("Every open notice")))
                .contains("New Terms of Service to accept").contains("nre");
    }

    @Test
    void theJsonApiListsTheUsersNoticesAndHidesOneForThemOnly() throws IOException {
        nre.raise(Notice.of("router.unreachable", Audience.holdersOf(NRE, Level.WRITE), Severity.WARNING,
                "The router has not answered for 45 minutes", "Check the network.").linkingTo("nre"));
        WebClient sysadmin = console.demoUser("sysadmin");
        WebClient backup = console.demoUser("backup");

        JsonNode notices = JSON.readTree(sysadmin.get("/api/notices").body()).get("notices");
        assertThat(notices).hasSize(1);
        JsonNode notice = notices.get(0);
        assertThat(notice.get("plugin").textValue()).isEqualTo("nre");
        assertThat(notice.get("key").textValue()).isEqualTo("router.unreachable");
        assertThat(notice.get("severity").textValue()).isEqualTo("WARNING");
        assertThat(notice.get("href").textValue()).isEqualTo("/panels/nre");
        assertThat(notice.get("dismissible").booleanValue()).isTrue();
        long id = notice.get("id").longValue();

        assertThat(sysadmin.postJson("/api/notices/" + id + "/dismiss", "{}", "wrong-token").status())
                .isEqualTo(403);
        assertThat(JSON.readTree(sysadmin.get("/api/notices").body()).get("notices")).hasSize(1);
        WebClient.Response hidden = sysadmin.postJson("/api/notices/" + id + "/dismiss", "{}",
                sysadmin.apiCsrfToken());
        assertThat(hidden.status()).isEqualTo(200);

        assertThat(JSON.readTree(sysadmin.get("/api/notices").body()).get("notices")).isEmpty();
        assertThat(JSON.readTree(backup.get("/api/notices").body()).get("notices")).hasSize(1);
        assertThat(sysadmin.postJson("/api/notices/" + id + "/dismiss", "{}", sysadmin.apiCsrfToken()).status())
                .as("hidden already: not an open notice of theirs").isEqualTo(404);
        WebClient teacher = console.demoUser("teacher");
        assertThat(teacher.postJson("/api/notices/" + id + "/dismiss", "{}", teacher.apiCsrfToken()).status())
                .as("someone else's notice").isEqualTo(404);
        assertThat(teacher.postJson("/api/notices/abc/dismiss", "{}", teacher.apiCsrfToken()).status())
                .isEqualTo(404);
        assertThat(JSON.readTree(backup.get("/api/notices").body()).get("notices")).hasSize(1);
    }

    @Test
    void aCriticalNoticeShowsAboveEveryPageAndCannotBeHidden() throws IOException {
        nre.raise(Notice.of("suspended", Audience.holdersOf(NRE, Level.WRITE), Severity.CRITICAL,
                "The vendor suspended the registration", "Records exchange has stopped.").linkingTo("nre"));
        WebClient sysadmin = console.demoUser("sysadmin");

        String panel = sysadmin.get("/panels/nre").body();
        assertThat(panel).contains("class=\"critical-notices\"").contains("The vendor suspended the registration")
                .contains("aria-label=\"Notices: 1 open notice, 1 needs action now\"");
        String list = sysadmin.get("/notices").body();
        assertThat(list).doesNotContain("class=\"critical-notices\"").doesNotContain("/dismiss");

        long id = JSON.readTree(sysadmin.get("/api/notices").body()).get("notices").get(0).get("id").longValue();
        WebClient.Response refused = sysadmin.postJson("/api/notices/" + id + "/dismiss", "{}",
                sysadmin.apiCsrfToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("stays until it is dealt with");
        WebClient.Response form = sysadmin.postForm("/notices/" + id + "/dismiss",
                Map.of("_csrf", WebClient.csrfOf(list)));
        assertThat(sysadmin.followed(form).body()).contains("stays until it is dealt with")
                .contains("The vendor suspended the registration");

        nre.clear("suspended");
        assertThat(sysadmin.get("/panels/nre").body()).doesNotContain("critical-notices")
                .doesNotContain("href=\"/notices\" class=\"badge");
    }

    @Test
    void whoSeesANoticeFollowsTheGrantsAndEveryTextIsEscaped() {
        nre.raise(Notice.of("rejected", Audience.holdersOf(NRE, Level.WRITE), Severity.WARNING,
                "Rejected: <script>alert(1)</script>", "Reason: <img src=x onerror=alert(2)> & more"));
        WebClient registrar = console.demoUser("registrar");
        assertThat(registrar.get("/notices").body()).doesNotContain("Rejected");

        TestConsole.grant(admin, NRE, "user:u-registrar", "RW");
        String list = registrar.get("/notices").body();
        assertThat(list).contains("Rejected: &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Reason: &lt;img src=x onerror=alert(2)&gt; &amp; more").doesNotContain("<script>alert")
                .doesNotContain("<img src=x");

        TestConsole.grant(admin, NRE, "user:u-registrar", "R");
        assertThat(registrar.get("/notices").body()).as("read does not reach a notice for writers")
                .doesNotContain("Rejected");
    }

    @Test
    void aNoticeForOneUserReachesThatUserOnly() throws IOException {
        nre.raise(Notice.of("registration.outcome.1", Audience.user("u-backup"), Severity.INFO,
                "The vendor authorized the district", "Records exchange is on."));

        assertThat(JSON.readTree(console.demoUser("backup").get("/api/notices").body()).get("notices").get(0)
                .get("title").textValue()).isEqualTo("The vendor authorized the district");
        assertThat(JSON.readTree(console.demoUser("sysadmin").get("/api/notices").body()).get("notices")).isEmpty();
    }
}
