package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.sample.web.WebServer;

/**
 * The audit log as an administrator searches it, over real HTTP: the filter form and its messages, readable
 * action names with their codes, paging that keeps the filter, the CSV export of every matching entry, and the
 * same through the JSON API.
 */
class AuditLogTest {

    static final int MANY = 130;

    @TempDir
    static Path dir;
    static TestConsole console;
    static WebClient admin;

    @BeforeAll
    static void start() throws Exception {
        console = TestConsole.embedded(dir);
        admin = console.admin();
        AuditStore audit = new AuditStore(console.console().database().jdbc(), Clock.systemUTC());
        ActingUser formula = new ActingUser("u-formula", "=HYPERLINK(\"http://evil\"),x", "10.0.0.7",
                RightSet.none());
        audit.record(AuditStore.HOST_SOURCE, formula, "user.changed", "-2+3 said \"hello\", then @SUM(A1)");
        ActingUser many = new ActingUser("u-many", "Many, Entries", "10.0.0.8", RightSet.none());
        for (int i = 0; i < MANY; i++) {
            audit.record(AuditStore.HOST_SOURCE, many, "group.changed", "Change " + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(console.client().postForm("/signin", Map.of("login", "backup", "password", "wrong-" + i))
                    .header("Location")).as("a refused sign-in goes back to the sign-in page").isEqualTo("/signin");
        }
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void thePageFiltersByOutcomeAndShowsActionsInWordsWithTheirCodes() {
        String page = admin.get("/admin/audit?outcome=FAILED").body();

        assertThat(page).contains("Sign-in failed <code>signin.failed</code>", "Wrong password",
                "3 entries on this page", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\"", "<caption id=\"audit-caption\">", "<label for=\"outcome\">",
                "America/Chicago").doesNotContain("<code>signin</code>", "Change 1");
        assertThat(admin.get("/admin/audit?action=signin").body()).contains("Signed in <code>signin</code>",
                "<td title=\"console\">Console</td>");
    }

    @Test
    void theActorFilterTakesTheStartOfTheNameInAnyCaseAndTheActionFilterACode() {
        String byActor = admin.get("/admin/audit?actor=mANY").body();
        assertThat(byActor).contains("100 entries on this page", "Group changed <code>group.changed</code>")
                .doesNotContain("Wrong password");

        String byAction = admin.get("/admin/audit?action=user.changed").body();
        assertThat(byAction).contains("1 entry on this page", "User changed <code>user.changed</code>")
                .doesNotContain("Change 1");
        assertThat(byAction).as("the select offers every known action by name, the plugins' as they name them")
                .contains("<option value=\"signin.failed\">Sign-in failed (Console: signin.failed)</option>",
                        "<option value=\"nre.settings\">Exchange settings saved (National Records Exchange: "
                                + "nre.settings)</option>",
                        "<option value=\"user.changed\" selected>");
    }

    @Test
    void theTimeRangeIsReadInTheConsolesZone() {
        String hourAgo = LocalDateTime.now(TestConsole.TIME_ZONE).minusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        assertThat(admin.get("/admin/audit?action=signin.failed&from=" + hourAgo).body())
                .contains("3 entries on this page");
        assertThat(admin.get("/admin/audit?action=signin.failed&to=" + hourAgo).body()).contains("No entries match");
    }

    @Test
    void olderAndNewerLinksKeepTheFilterAndEveryEntryIsShownOnce() {
        String first = admin.get("/admin/audit?actor=Many").body();
        String older = link(first, "Older entries");
        assertThat(older).startsWith("/admin/audit?actor=Many&before=");
        assertThat(first).doesNotContain("Newer entries");

        String second = admin.get(older).body();
        assertThat(second).contains((MANY - 100) + " entries on this page").doesNotContain("Older entries");
        assertThat(admin.get(link(second, "Newer entries")).body()).contains("100 entries on this page",
                "Change " + (MANY - 1) + "<");
    }

    @Test
    void theExportHasEveryMatchingEntryQuotedAndNoFormulaRuns() {
        WebClient.Response csv = admin.get("/admin/audit.csv?action=group.changed&action=user.changed");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).matches("attachment; filename=\"audit-log-\\d{8}-\\d{6}\\.csv\"");
        assertThat(csv.body()).contains("\r\n");
        List<List<String>> rows = parse(csv.body());
        assertThat(rows.get(0)).containsExactly("Id", "Time (America/Chicago)", "Source", "Source name", "User id",
                "User", "From address", "Action", "Action name", "Outcome", "Detail");
        assertThat(rows).hasSize(1 + MANY + 1);
        assertThat(new HashSet<>(rows.stream().map(row -> row.get(0)).toList())).hasSize(rows.size());
        List<String> formula = rows.stream().filter(row -> row.get(4).equals("u-formula")).findFirst().orElseThrow();
        assertThat(formula.get(5)).isEqualTo("'=HYPERLINK(\"http://evil\"),x");
        assertThat(formula.get(10)).isEqualTo("'-2+3 said \"hello\", then @SUM(A1)");
        assertThat(formula.get(8)).isEqualTo("User changed");
        assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil\"\"),x\"");
    }

    @Test
    void theApiPagesWithACursorGivesNamesAndExportsTheSameCsv() throws Exception {
        List<String> details = new ArrayList<>();
        String next = "";
        int pages = 0;
        do {
            JsonNode page = json(admin.get("/api/audit?actor=many&limit=50" + (next.isEmpty() ? "" : "&before="
                    + next)).body());
            page.get("entries").forEach(entry -> {
                assertThat(entry.get("actionName").asText()).isEqualTo("Group changed");
                assertThat(entry.get("outcome").asText()).isEqualTo("SUCCESS");
                details.add(entry.get("detail").asText());
            });
            next = page.get("next").isNull() ? "" : page.get("next").asText();
            pages++;
        } while (!next.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(details).hasSize(MANY).doesNotHaveDuplicates().first().isEqualTo("Change " + (MANY - 1));
        String csv = admin.get("/api/audit.csv?actor=many").body();
        String accepted = admin.send(HttpRequest.newBuilder(URI.create(admin.base() + "/api/audit?actor=many"))
                .header("Accept", "text/csv").GET()).body();
        assertThat(accepted).isEqualTo(csv);
        assertThat(parse(csv)).hasSize(1 + MANY);
        assertThat(json(admin.get("/api/audit?limit=5000").body()).get("entries").size())
                .as("a limit over 1000 is taken as 1000").isBetween(MANY, 1000);
    }

    @Test
    void aWrongFilterIsAnsweredWithWhatIsWrongAndNoEntries() {
        WebClient.Response badDate = admin.get("/admin/audit?from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("The log was not searched", "'from' must be a date and time such as "
                + "2026-12-01T08:30 (in America/Chicago)", "value=\"yesterday\"").doesNotContain("<caption>");

        assertThat(admin.get("/admin/audit?from=2026-12-02T10:00&to=2026-12-01T10:00").body())
                .contains("'from' (2026-12-02T10:00) must be before 'to' (2026-12-01T10:00)");
        WebClient.Response outcome = admin.get("/admin/audit?outcome=MAYBE");
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.body()).contains("'outcome' must be one of SUCCESS, REFUSED, FAILED, not 'MAYBE'.");
        assertThat(admin.get("/admin/audit.csv?outcome=MAYBE").status()).isEqualTo(400);

        WebClient.Response api = admin.get("/api/audit?outcome=MAYBE&limit=none&before="
                + URLEncoder.encode("1; DROP TABLE host_audit", StandardCharsets.UTF_8));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json(api.body());
        assertThat(problem.get("errors").get("outcome").asText()).contains("not 'MAYBE'");
        assertThat(problem.get("errors").get("limit").asText()).contains("'limit' must be a whole number from 1 to 1000");
        assertThat(problem.get("errors").get("before").asText()).contains("is not a cursor");
        assertThat(admin.get("/api/audit.csv?to=never").status()).isEqualTo(400);
    }

    @Test
    void onlyConsoleAdministratorsReadTheLog() {
        WebClient registrar = console.demoUser("registrar");
        assertThat(registrar.get("/admin/audit").status()).isEqualTo(403);
        assertThat(registrar.get("/admin/audit.csv").status()).isEqualTo(403);
        assertThat(registrar.get("/api/audit").status()).isEqualTo(403);
        assertThat(registrar.get("/api/audit.csv").status()).isEqualTo(403);
    }

    private static String link(String page, String text) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\"[^>]*>" + text + "</a>")
                .matcher(page);
        assertThat(link.find()).as("a link '%s'", text).isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    private static JsonNode json(String body) {
        try {
            return WebServer.json().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(body, e);
        }
    }

    /** RFC 4180, read strictly: quoted fields with doubled quotes, CRLF between records. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertThat(cell).as("a quote opens a field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertThat(csv.charAt(i + 1)).as("records end in CRLF").isEqualTo('\n');
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(cell).as("the last record ends in CRLF").isEmpty();
        return rows;
    }
}
