package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tool rights as a district administers them: a right's holders with their level and where it comes from, a
 * search to find whom to grant it to, paged lists, each user's effective rights, confirmation before a grant
 * takes a right beyond the people it is meant for, and console administrators holding no tool right of their own.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightsAtScaleTest {

    static final String NRE = "nre.registration";
    static final String PAGE = "/admin/rights/" + NRE;
    static final int EXTRA_STAFF = 30;

    @TempDir
    static Path dir;
    TestConsole console;
    WebClient admin;

    @BeforeAll
    void start() throws Exception {
        console = TestConsole.simulated(dir);
        admin = console.admin();
        String csrf = admin.apiCsrfToken();
        for (int i = 1; i <= EXTRA_STAFF; i++) {
            String n = String.format("%02d", i);
            WebClient.Response created = admin.postJson("/api/users", "{\"login\":\"staff" + n + "\",\"firstName\":\"Pat "
                    + n + "\",\"lastName\":\"Staffer\",\"temporaryPassword\":\"a-temporary-password\"}", csrf);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    @BeforeEach
    void noGrants() {
        long version = Long.parseLong(admin.get("/api/rights/" + NRE).body().replaceAll(".*\"version\":(\\d+).*", "$1"));
        WebClient.Response cleared = admin.postJson("/api/rights/" + NRE + "/grants", "{\"version\":" + version
                + ",\"groups\":{},\"users\":{}}", admin.apiCsrfToken());
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        console.close();
    }

    @Test
    void aRightsHoldersAreShownWithTheirLevelAndWhereItComesFrom() {
        console.grant(NRE, "group:g-sysadmins", "R");
        console.grant(NRE, "user:u-sysadmin", "W");

        String page = admin.get(PAGE).body();
        assertThat(page).contains("Holders of National Records Exchange: 1-2 of 2")
                .containsSubsequence("Morgan, Alex", "<strong>RW</strong>", "direct: RW", "group System Administrators: R")
                .containsSubsequence("Rivera, Sam", "<strong>R</strong>", "group System Administrators: R");
        assertThat(page).as("holders are shown without a search").doesNotContain("Users matching");
        assertThat(admin.get("/admin/rights").body()).contains("2 people hold it");

        String holders = admin.get("/api/rights/" + NRE + "/holders").body();
        assertThat(holders).contains("\"total\":2", "\"login\":\"sysadmin\"", "\"levels\":\"RW\"",
                "{\"type\":\"direct\",\"groupId\":\"\",\"groupName\":\"\",\"levels\":\"RW\"}",
                "{\"type\":\"group\",\"groupId\":\"g-sysadmins\",\"groupName\":\"System Administrators\",\"levels\":\"R\"}");
    }

    @Test
    void eachUserHasAnEffectiveRightsViewOfEveryRightItsLevelAndSource() {
        console.grant(NRE, "group:g-sysadmins", "R");
        console.grant(NRE, "user:u-sysadmin", "WD");

        String view = admin.get("/admin/users/u-sysadmin/rights").body();
        assertThat(view).contains("Effective rights of Morgan, Alex")
                .containsSubsequence("National Records Exchange", "<strong>RWD</strong>", "direct: RWD",
                        "group System Administrators: R")
                .containsSubsequence("National Records Exchange Settings", "none");
        assertThat(admin.get("/admin/users/u-teacher/rights").body()).doesNotContain("<strong>R");
        assertThat(admin.get("/api/users/u-sysadmin/rights").body()).contains("\"id\":\"nre.registration\"",
                "\"levels\":\"RWD\"", "\"groupName\":\"System Administrators\"");
        assertThat(admin.get("/admin/users/nobody/rights").status()).isEqualTo(404);
        assertThat(console.demoUser("registrar").get("/admin/users/u-sysadmin/rights").status()).isEqualTo(403);
    }

    @Test
    void aSearchFindsUsersAndGroupsAndTheFullListPages() {
        String found = admin.get(PAGE + "?q=STAFF").body();
        assertThat(found).contains("Users matching “STAFF”: 1-25 of " + EXTRA_STAFF,
                "Groups matching “STAFF”: 1-1 of 1", "All Staff", "More users");
        String next = admin.get(PAGE + "?q=staff&from=25").body();
        assertThat(next).contains("Users matching “staff”: 26-30 of 30", "Staffer, Pat 30", "Previous users")
                .doesNotContain("Staffer, Pat 01<");
        assertThat(admin.get(PAGE + "?q=Alex%20Mor").body()).as("first and last name together")
                .doesNotContain("No user or group matches");
        assertThat(admin.get(PAGE + "?q=Morgan").body()).contains("Users matching “Morgan”: 1-1 of 1", "Morgan, Alex");
        assertThat(admin.get(PAGE + "?q=100%25").body()).as("a wildcard is taken literally")
                .contains("No user or group matches “100%”.");
        long everyone = EXTRA_STAFF + 6;
        assertThat(admin.get(PAGE + "?all=1").body()).contains("Users: 1-25 of " + everyone);
        assertThat(admin.get(PAGE + "?all=1&from=25").body()).contains("Users: 26-" + everyone + " of " + everyone);
        assertThat(admin.get(PAGE + "?all=1&from=-3").status()).isEqualTo(400);
        assertThat(admin.get(PAGE + "?all=1&from=x").body()).contains("'from' must be a whole number of 0 or more");

        assertThat(admin.get("/api/rights/" + NRE + "/candidates?q=staff&limit=10").body()).contains(
                "\"totalUsers\":30", "\"totalGroups\":1", "\"detail\":\"staff01\"");
        assertThat(admin.get("/api/rights/" + NRE + "/candidates?limit=9999").status()).isEqualTo(400);
        assertThat(admin.get("/admin/rights/no.such.right").status()).isEqualTo(404);
    }

    @Test
    void theUsersPageFindsAndPagesUsersInsteadOfListingEveryone() {
        assertThat(admin.get("/admin/users").body()).contains("Console users: 1-" + (EXTRA_STAFF + 6) + " of "
                + (EXTRA_STAFF + 6));
        assertThat(admin.get("/admin/users?q=pat%2012").body()).contains("Console users matching “pat 12”: 1-1 of 1",
                "Staffer, Pat 12");
        assertThat(admin.get("/admin/users?q=staff&from=20").body()).contains("21-30 of 30", "Previous users")
                .doesNotContain("More users");
        assertThat(admin.get("/admin/users?q=zzz").body()).contains("No user matches “zzz”.");
        assertThat(admin.get("/admin/users?from=-1").status()).isEqualTo(400);
    }

    @Test
    void aSearchFindsAUserByTheNameTheyHaveNowNotTheOneTheyHadBefore() {
        java.util.regex.Matcher user = java.util.regex.Pattern.compile("\\{\"id\":\"([^\"]+)\",\"login\":\"staff07\""
                + ".*?\"version\":(\\d+)}").matcher(admin.get("/api/users").body());
        assertThat(user.find()).isTrue();
        WebClient.Response renamed = admin.postJson("/api/users/" + user.group(1), "{\"version\":" + user.group(2)
                + ",\"firstName\":\"Marisol\",\"lastName\":\"Quintanilla\",\"administrator\":false,"
                + "\"disabled\":false}", admin.apiCsrfToken());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        assertThat(admin.get(PAGE + "?q=quintan").body()).contains("Users matching “quintan”: 1-1 of 1",
                "Quintanilla, Marisol");
        assertThat(admin.get(PAGE + "?q=marisol%20staff07").body()).contains("1-1 of 1");
        assertThat(admin.get(PAGE + "?q=pat%2007").body()).contains("No user or group matches");
    }

    @Test
    void aGrantBeyondTheExpectedHoldersWaitsForConfirmationNamingWhoWouldGainIt() {
        assertThat(submit("user:u-sysadmin", "W").header("Location")).as("first holder").doesNotContain("/confirm");
        assertThat(submit("user:u-backup", "W").header("Location")).as("second holder").doesNotContain("/confirm");

        WebClient.Response third = submit("user:u-registrar", "W");
        assertThat(third.status()).isEqualTo(303);
        String confirmation = third.header("Location");
        assertThat(confirmation).contains(PAGE + "/confirm?");
        String asked = admin.get(confirmation).body();
        assertThat(asked).contains("After this change 3 people would hold 'National Records Exchange', which should be "
                        + "held by at most 2.", "Holders now: <strong>2</strong>. After this change: <strong>3</strong>.",
                "1 user would gain it", "Chen, Lee", "Yes, make this change", "Cancel");
        WebClient registrar = console.demoUser("registrar");
        assertThat(registrar.get("/panels/nre").status()).as("nothing changed before confirming").isEqualTo(403);
        assertThat(admin.get("/api/rights/" + NRE).body()).doesNotContain("u-registrar");
        WebClient.Response reload = admin.get(confirmation);
        assertThat(reload.status()).as("the confirmation page is a GET").isEqualTo(200);

        WebClient.Response confirmed = admin.submit(confirmation, PAGE + "/grants", Map.of());
        assertThat(confirmed.status()).isEqualTo(303);
        assertThat(admin.get(confirmed.header("Location")).body()).contains("Saved: Chen, Lee (registrar) now has RW",
                "3 people hold this right; it should be held by at most 2.");
        assertThat(registrar.get("/panels/nre").status()).isEqualTo(200);

        String csrf = admin.apiCsrfToken();
        WebClient.Response api = admin.postJson("/api/rights/" + NRE + "/grant", "{\"subject\":\"group:g-staff\","
                + "\"levels\":\"R\",\"version\":" + version() + "}", csrf);
        assertThat(api.status()).isEqualTo(428);
        assertThat(api.body()).contains("\"gainerCount\":2", "\"holdersBefore\":3", "\"holdersAfter\":5",
                "\"expectedHolders\":2", "Patel, Nina (counselor)", "\\\"confirm\\\": true to make it");
        assertThat(console.demoUser("teacher").get("/panels/nre").status()).isEqualTo(403);
        assertThat(admin.postJson("/api/rights/" + NRE + "/grant", "{\"subject\":\"group:g-staff\",\"levels\":\"R\","
                + "\"version\":" + version() + ",\"confirm\":true}", csrf).status()).isEqualTo(200);
        assertThat(console.demoUser("teacher").get("/panels/nre").status()).isEqualTo(200);
        assertThat(admin.postJson("/api/rights/" + NRE + "/grant", "{\"subject\":\"person:x\",\"levels\":\"R\","
                + "\"version\":1}", csrf).body()).contains("'subject' must be \\\"user:<id>\\\" or \\\"group:<id>\\\"");
    }

    @Test
    void addingPeopleToAGroupThatHoldsALimitedRightWaitsForConfirmationNamingThem() {
        console.grant(NRE, "group:g-registrars", "R");
        WebClient teacher = console.demoUser("teacher");
        String csrf = admin.apiCsrfToken();
        String change = ",\"name\":\"Registrars\",\"description\":\"\",\"members\":[\"u-registrar\",\"u-teacher\"]";

        WebClient.Response asked = admin.postJson("/api/groups/g-registrars", "{\"version\":" + groupVersion()
                + change + "}", csrf);
        assertThat(asked.status()).isEqualTo(428);
        assertThat(asked.body()).contains("1 person gains 'National Records Exchange' through this group: Okafor, "
                + "Chris (teacher). 2 would hold it, where it should be held by at most 2.");
        assertThat(teacher.get("/panels/nre").status()).as("nothing changed").isEqualTo(403);
        assertThat(admin.get("/api/groups").body()).doesNotContain("[\"u-registrar\",\"u-teacher\"]");

        WebClient.Response confirmed = admin.postJson("/api/groups/g-registrars", "{\"version\":" + groupVersion()
                + change + ",\"confirm\":true}", csrf);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(teacher.get("/panels/nre").status()).isEqualTo(200);
        WebClient.Response back = admin.postJson("/api/groups/g-registrars", "{\"version\":" + groupVersion()
                + ",\"name\":\"Registrars\",\"description\":\"\",\"members\":[\"u-registrar\"]}", csrf);
        assertThat(back.status()).as("removing members needs no confirmation").isEqualTo(200);
    }

    @Test
    void theGroupPageAsksBeforeItsNewMembersGainALimitedRight() {
        console.grant(NRE, "group:g-registrars", "R");
        WebClient teacher = console.demoUser("teacher");
        Map<String, String> swap = Map.of("name", "Registrars", "description", "", "members", "u-teacher");

        WebClient.Response asked = admin.submit("/admin/groups/g-registrars", "/admin/groups/g-registrars", swap);
        assertThat(asked.status()).isEqualTo(303);
        String page = admin.get(asked.header("Location")).body();
        assertThat(page).contains("1 person gains 'National Records Exchange' through this group: Okafor, "
                + "Chris (teacher). 1 would hold it", "Yes, give them these rights", "name=\"confirm\"");
        assertThat(teacher.get("/panels/nre").status()).as("nothing changed").isEqualTo(403);

        Map<String, String> confirmed = new HashMap<>(swap);
        confirmed.put("confirm", "yes");
        assertThat(admin.submit("/admin/groups/g-registrars", "/admin/groups/g-registrars", confirmed).status())
                .isEqualTo(303);
        assertThat(teacher.get("/panels/nre").status()).isEqualTo(200);
        assertThat(admin.submit("/admin/groups/g-registrars", "/admin/groups/g-registrars", Map.of("name",
                "Registrars", "description", "", "members", "u-registrar")).status()).isEqualTo(303);
    }

    @Test
    void aConfirmationMadeOnAnOlderVersionIsRefusedAndChangesNothing() {
        console.grant(NRE, "user:u-sysadmin", "W");
        String confirmation = submit("group:g-registrars", "R").header("Location");
        assertThat(confirmation).contains("/confirm?");
        console.grant(NRE, "user:u-backup", "R");

        WebClient.Response late = admin.submit(confirmation, PAGE + "/grants", Map.of());
        assertThat(late.status()).isEqualTo(303);
        assertThat(admin.get(late.header("Location")).body()).contains("Nothing was saved: Administrator, "
                + "System changed the grants of 'National Records Exchange'");
        assertThat(admin.get("/api/rights/" + NRE).body()).doesNotContain("g-registrars");
    }

    @Test
    void consoleAdministratorsHoldAToolRightOnlyWhenGrantedAndGrantingItToThemselvesIsAudited() {
        WebClient own = console.admin();
        assertThat(own.get("/panels/nre").status()).isEqualTo(403);
        assertThat(own.get("/").body()).doesNotContain("/panels/nre\"");
        assertThat(own.get(PAGE).body()).contains("Nobody holds this right yet");

        String mine = own.get(PAGE + "?q=admin").body();
        assertThat(mine).contains("(admin, you)");
        Map<String, String> fields = new HashMap<>(Map.of("subject", "user:admin", "level.W", "on", "q", "admin"));
        WebClient.Response saved = own.submit(PAGE + "?q=admin", PAGE + "/grants", fields);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).isEqualTo(PAGE + "?q=admin");
        assertThat(own.get("/panels/nre").status()).isEqualTo(200);
        assertThat(own.get("/api/audit?limit=5").body()).contains("rights.changed",
                "user admin (themself): - -> RW");
    }

    private WebClient.Response submit(String subject, String letters) {
        Map<String, String> fields = new HashMap<>(Map.of("subject", subject));
        for (char letter : letters.toCharArray()) {
            fields.put("level." + letter, "on");
        }
        return admin.submit(PAGE + "?all=1", PAGE + "/grants", fields);
    }

    private long groupVersion() {
        java.util.regex.Matcher group = java.util.regex.Pattern.compile("\\{\"id\":\"g-registrars\".*?\"version\":(\\d+)}")
                .matcher(admin.get("/api/groups").body());
        assertThat(group.find()).isTrue();
        return Long.parseLong(group.group(1));
    }

    private long version() {
        return Long.parseLong(admin.get("/api/rights/" + NRE).body().replaceAll(".*\"version\":(\\d+).*", "$1"));
    }
}
