package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.db.Jdbc;

/**
 * Administrator changes are atomic and versioned: a change commits with its rights generation and audit entry or
 * not at all, a change based on an older version is refused with what happened since, and the JSON API takes
 * only the fields a route names, each of its type.
 */
@Tag("slow")
class AdminChangesTest {

    static final String NRE = "nre.registration";

    @TempDir
    Path dir;
    TestConsole console;
    WebClient admin;
    String csrf;

    @BeforeEach
    void start() throws IOException {
        console = TestConsole.embedded(dir);
        admin = console.admin();
        csrf = admin.apiCsrfToken();
        TestConsole.grant(admin, NRE, "group:g-sysadmins", "R");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aMemberRemovalThatFailsHalfWayChangesNothingAndTheRetryAppliesEverywhereAtOnce() {
        Jdbc jdbc = console.console().database().jdbc();
        WebClient backup = console.demoUser("backup");
        assertThat(backup.get("/panels/nre").status()).isEqualTo(200);
        long generation = generation(jdbc);
        // The audit entry is the change's last write: the database refuses it, as a full disk or a lost node would.
        jdbc.update("ALTER TABLE host_audit ADD CONSTRAINT ck_test_refuse CHECK (action <> 'group.changed')");

        WebClient.Response failed = admin.submit("/admin/groups/g-sysadmins", "/admin/groups/g-sysadmins",
                Map.of("name", "System Administrators", "description", "", "members", "u-sysadmin"));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(members(jdbc)).containsExactlyInAnyOrder("u-sysadmin", "u-backup");
        assertThat(generation(jdbc)).isEqualTo(generation);
        assertThat(version(admin.get("/api/groups").body(), "g-sysadmins")).isEqualTo(1);
        assertThat(backup.get("/panels/nre").status()).as("the removal did not half-apply").isEqualTo(200);

        jdbc.update("ALTER TABLE host_audit DROP CONSTRAINT ck_test_refuse");
        WebClient.Response retried = admin.submit("/admin/groups/g-sysadmins", "/admin/groups/g-sysadmins",
                Map.of("name", "System Administrators", "description", "", "members", "u-sysadmin"));

        assertThat(retried.status()).isEqualTo(303);
        assertThat(members(jdbc)).containsExactly("u-sysadmin");
        assertThat(generation(jdbc)).isGreaterThan(generation);
        assertThat(backup.get("/panels/nre").status()).as("the right went with the membership").isEqualTo(403);
        assertThat(admin.get("/admin/audit").body()).contains("Changed group 'System Administrators': added nobody, "
                + "removed backup");
    }

    @Test
    void aStaleGroupFormIsRefusedWithWhoChangedWhatAndTheNewerChangeStands() {
        WebClient otherTab = console.admin();
        String stalePage = admin.get("/admin/groups/g-registrars").body();
        Map<String, String> stale = WebClient.hiddenFieldsOf(stalePage, "/admin/groups/g-registrars");
        assertThat(otherTab.submit("/admin/groups/g-registrars", "/admin/groups/g-registrars", Map.of("name",
                "Registrars", "description", "Staff who keep student records", "members", "u-counselor")).status())
                .isEqualTo(303);

        Map<String, String> form = new java.util.LinkedHashMap<>(stale);
        form.putAll(Map.of("_csrf", WebClient.csrfOf(stalePage), "name", "Registrars", "description", "Renamed",
                "members", "u-registrar"));
        WebClient.Response refused = admin.postForm("/admin/groups/g-registrars", form);

        String shown = admin.followed(refused).body();
        assertThat(shown).contains("Nothing was saved: Administrator, System changed the group Registrars at ",
                "(added counselor, removed registrar), after you opened it (your change was based on version 1; it is "
                        + "now at version 2)");
        assertThat(shown).as("the form shows the group as it is now").contains(
                "name=\"version\" value=\"2\"");
        assertThat(admin.get("/api/groups").body()).contains("\"id\":\"g-registrars\",\"name\":\"Registrars\","
                + "\"description\":\"Staff who keep student records\",\"members\":[\"u-counselor\"],\"version\":2");
    }

    @Test
    void aStaleApiChangeOfGrantsUsersOrGroupsAnswers409AndChangesNothing() {
        long rightVersion = rightVersion();
        String grants = "{\"version\":" + rightVersion + ",\"groups\":{\"g-registrars\":\"R\"},\"users\":{},"
                + "\"confirm\":true}";
        assertThat(admin.postJson("/api/rights/" + NRE + "/grants", grants, csrf).status()).isEqualTo(200);
        WebClient.Response again = admin.postJson("/api/rights/" + NRE + "/grants",
                "{\"version\":" + rightVersion + ",\"groups\":{},\"users\":{}}", csrf);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.body()).contains("Nothing was saved: Administrator, System changed the grants of ",
                "group Registrars: - -> R");
        assertThat(admin.get("/api/rights").body()).contains("\"groups\":{\"g-registrars\":\"R\"}");

        String user = "{\"version\":1,\"firstName\":\"Chris\",\"lastName\":\"Okafor\",\"administrator\":false,"
                + "\"disabled\":false}";
        assertThat(admin.postJson("/api/users/u-teacher", user, csrf).status()).isEqualTo(200);
        assertThat(admin.postJson("/api/users/u-teacher", user.replace("Chris", "Kris"), csrf).status())
                .isEqualTo(409);
        assertThat(admin.postJson("/api/groups/g-registrars/delete", "{\"version\":7}", csrf).status())
                .isEqualTo(409);
        assertThat(admin.get("/api/groups").body()).contains("\"id\":\"g-registrars\"");
    }

    @Test
    void ofManyChangesBasedOnOneVersionAtOnceExactlyOneIsSaved() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> changes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = "{\"version\":1,\"name\":\"Registrars " + i + "\",\"description\":\"\","
                        + "\"members\":[\"u-registrar\"]}";
                changes.add(() -> admin.postJson("/api/groups/g-registrars", body, csrf).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(changes)) {
                statuses.add(answer.get());
            }

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
            assertThat(version(admin.get("/api/groups").body(), "g-registrars")).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void wronglyTypedMisspeltOrMissingFieldsAreRefusedByNameAndChangeNothing() {
        String rightsBefore = admin.get("/api/rights").body();
        long rightVersion = rightVersion();

        WebClient.Response asList = admin.postJson("/api/rights/" + NRE + "/grants", "{\"version\":" + rightVersion
                + ",\"groups\":[\"g-sysadmins\"],\"users\":{}}", csrf);
        WebClient.Response misspelt = admin.postJson("/api/rights/" + NRE + "/grants", "{\"version\":" + rightVersion
                + ",\"gropus\":{\"g-sysadmins\":\"R\"},\"users\":{}}", csrf);
        WebClient.Response levelsAsList = admin.postJson("/api/rights/" + NRE + "/grants", "{\"version\":"
                + rightVersion + ",\"groups\":{\"g-sysadmins\":[\"R\"]},\"users\":{}}", csrf);
        WebClient.Response badLevel = admin.postJson("/api/rights/" + NRE + "/grants", "{\"version\":" + rightVersion
                + ",\"groups\":{\"g-sysadmins\":\"RX\"},\"users\":{}}", csrf);

        assertThat(asList.status()).isEqualTo(422);
        assertThat(asList.body()).contains("\"errors\":{\"groups\":\"'groups' must be an object of level letters by id",
                "not a list.");
        assertThat(misspelt.status()).isEqualTo(422);
        assertThat(misspelt.body()).contains("\"gropus\":\"This request takes no field 'gropus'; it takes version, "
                + "groups, users, confirm.\"", "\"groups\":\"'groups' is required");
        assertThat(levelsAsList.status()).isEqualTo(422);
        assertThat(levelsAsList.body()).contains("not an object holding other things than strings");
        assertThat(badLevel.status()).isEqualTo(422);
        assertThat(badLevel.body()).contains("level 'X' in 'groups' for g-sysadmins is unknown");
        assertThat(admin.get("/api/rights").body()).isEqualTo(rightsBefore);

        WebClient.Response noAdministrator = admin.postJson("/api/users/admin", "{\"version\":1,\"firstName\":"
                + "\"System\",\"lastName\":\"Administrator\",\"disabled\":false}", csrf);
        WebClient.Response wrongType = admin.postJson("/api/users/admin", "{\"version\":\"1\",\"firstName\":"
                + "\"System\",\"lastName\":\"Administrator\",\"administrator\":\"yes\",\"disabled\":0}", csrf);

        assertThat(noAdministrator.status()).isEqualTo(422);
        assertThat(noAdministrator.body()).contains("\"administrator\":\"'administrator' is required: true or false.\"");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.body()).contains("\"version\":\"'version' must be a whole number, not a string.\"",
                "\"administrator\":\"'administrator' must be true or false, not a string.\"",
                "\"disabled\":\"'disabled' must be true or false, not a number.\"");
        assertThat(admin.get("/api/users").body()).contains("\"id\":\"admin\",\"login\":\"admin\"",
                "\"administrator\":true");
        assertThat(admin.get("/admin/users").status()).as("still an administrator").isEqualTo(200);
    }

    private long rightVersion() {
        Matcher version = Pattern.compile("\\{\"id\":\"" + Pattern.quote(NRE) + "\".*?\"version\":(\\d+)}")
                .matcher(admin.get("/api/rights").body());
        assertThat(version.find()).isTrue();
        return Long.parseLong(version.group(1));
    }

    private static long version(String json, String id) {
        Matcher version = Pattern.compile("\\{\"id\":\"" + Pattern.quote(id) + "\".*?\"version\":(\\d+)}")
                .matcher(json);
        assertThat(version.find()).isTrue();
        return Long.parseLong(version.group(1));
    }

    private static long generation(Jdbc jdbc) {
        return jdbc.one("SELECT generation FROM host_rights_generation WHERE slot = 1", row -> row.getLong(1))
                .orElseThrow();
    }

    private static List<String> members(Jdbc jdbc) {
        return jdbc.list("SELECT user_id FROM host_group_member WHERE group_id = 'g-sysadmins'",
                row -> row.getString(1));
    }
}
