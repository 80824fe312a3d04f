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
 * Who may use the tool is decided in the tool-rights matrix and enforced on the server for every page, API
 * call and panel action; a change applies at the user's next request.
 */
@Tag("slow")
class RightsAcceptanceTest {

    static final String NRE = "nre.registration";

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
    void writeGrantedToTheSystemAdministratorsGroupLetsItsMembersRegisterAndNobodyElse() throws Exception {
        WebClient sysadmin = console.demoUser("sysadmin");
        WebClient registrar = console.demoUser("registrar");
        assertThat(sysadmin.get("/").body()).doesNotContain("National Records Exchange");
        assertThat(sysadmin.get("/panels/nre").status()).isEqualTo(403);

        grant("group:g-sysadmins", "W");

        assertThat(sysadmin.get("/").body()).contains("<a href=\"/panels/nre\">National Records Exchange</a>")
                .doesNotContain("National Records Exchange Settings");
        RegistrationAcceptanceTest.waitFor(() -> sysadmin.get("/panels/nre").body().contains("I have read and agree"),
                "the terms");
        assertThat(console.demoUser("backup").get("/panels/nre").status()).isEqualTo(200);
        WebClient.Response registered = sysadmin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07"));
        assertThat(registered.status()).isEqualTo(303);
        assertThat(sysadmin.get("/panels/nre").body()).contains("Morgan, Alex at");

        assertThat(registrar.get("/").body()).doesNotContain("/panels/nre");
        WebClient.Response page = registrar.get("/panels/nre");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Viewing this panel needs read (R) on the right 'National Records Exchange'");
        assertThat(registrar.get("/api/panels/nre").status()).isEqualTo(403);
        assertThat(registrar.get("/api/menu").body()).doesNotContain("nre");
        assertThat(registrar.postForm("/panels/nre/actions/refresh", Map.of("_csrf", registrar.apiCsrfToken()))
                .status()).isEqualTo(403);
    }

    @Test
    void readAloneShowsTheStatusWithoutButtonsAndEveryActionIsRefusedOnTheServer() {
        grant("user:u-registrar", "R");
        WebClient registrar = console.demoUser("registrar");

        String panel = registrar.get("/panels/nre").body();
        assertThat(panel).contains("Exchange Registration:").doesNotContain("formaction=");
        assertThat(registrar.get("/api/panels/nre").body()).contains("\"actions\":[]");
        WebClient.Response refused = registrar.postForm("/panels/nre/actions/register",
                Map.of("_csrf", registrar.apiCsrfToken(), "accept-terms", "on", "terms-version", "2026-07"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the level W (write)");
        assertThat(admin.get("/admin/audit").body()).contains("panel.denied");
    }

    @Test
    void deregisteringNeedsDeleteEvenForThoseWhoMayRegister() {
        grant("group:g-sysadmins", "W");
        WebClient sysadmin = console.demoUser("sysadmin");

        WebClient.Response refused = sysadmin.postForm("/panels/nre/actions/deregister",
                Map.of("_csrf", sysadmin.apiCsrfToken(), "_confirmed", "yes"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the level D (delete)");
    }

    @Test
    void aChangeOfRightsAppliesAtTheUsersNextRequestWithoutSigningInAgain() {
        WebClient sysadmin = console.demoUser("sysadmin");
        assertThat(sysadmin.get("/panels/nre").status()).isEqualTo(403);
        grant("user:u-sysadmin", "R");
        assertThat(sysadmin.get("/panels/nre").status()).isEqualTo(200);
        grant("user:u-sysadmin", "");
        assertThat(sysadmin.get("/panels/nre").status()).isEqualTo(403);

        WebClient.Response group = admin.submit("/admin/groups/g-registrars", "/admin/groups/g-registrars",
                Map.of("name", "Registrars", "description", "", "members", "u-sysadmin"));
        assertThat(group.status()).isEqualTo(303);
        grant("group:g-registrars", "W");
        assertThat(sysadmin.get("/panels/nre").status()).as("rights through a group").isEqualTo(200);
    }

    @Test
    void theRightsPageShowsEveryRightWithItsHintAndWarnsWhenALimitedRightIsHeldWidely() {
        String list = admin.get("/admin/rights").body();
        assertThat(list).containsSubsequence("System Settings &gt; Data Interchange Administration",
                "National Records Exchange", "Only the district system administrator and their backup should "
                        + "hold this right", "(at most 2)", "0 people hold it");
        assertThat(list).doesNotContain("Granted to the group");
        String page = admin.get("/admin/rights/" + NRE + "?all=1").body();
        assertThat(page).contains("name=\"level.R\"", "name=\"level.W\"", "name=\"level.D\"")
                .doesNotContain("name=\"level.A\"");

        grant("group:g-staff", "R");

        String warned = admin.get("/admin/rights").body();
        assertThat(warned).contains("Granted to the group \"All Staff\", which has 5 members: everyone added to it "
                + "gains this right. Only the district system administrator and their backup should hold this right.",
                "5 people hold this right; it should be held by at most 2.");
        assertThat(admin.get("/api/rights").body()).contains("\"holderCount\":5",
                "\"warnings\":[\"5 people hold this right");
    }

    @Test
    void aLevelTheRightDoesNotOfferIsRefusedAndNothingChanges() {
        grant("user:u-registrar", "R");
        WebClient.Response refused = submitGrant("user:u-registrar", "A");
        assertThat(refused.status()).isEqualTo(303);
        assertThat(admin.get(refused.header("Location")).body()).contains("does not offer level A; it offers RWD");
        assertThat(admin.get("/api/rights").body()).contains("\"users\":{\"u-registrar\":\"R\"}");
    }

    @Test
    void administratorsManageUsersWhoChooseTheirOwnPasswordAtFirstSignIn() {
        WebClient.Response weak = admin.submit("/admin/users", "/admin/users", Map.of("login", "nurse",
                "first-name", "Pat", "last-name", "Lee", "temporary-password", "short"));
        assertThat(admin.followed(weak).body()).contains("Use at least 12 characters.");
        assertThat(admin.submit("/admin/users", "/admin/users", Map.of("login", "nurse", "first-name", "Pat",
                "last-name", "Lee", "temporary-password", "temporary-pass-1")).status()).isEqualTo(303);
        WebClient.Response taken = admin.submit("/admin/users", "/admin/users", Map.of("login", "nurse",
                "first-name", "P", "last-name", "L", "temporary-password", "temporary-pass-1"));
        assertThat(admin.followed(taken).body()).containsAnyOf("The user name 'nurse' is taken.",
                "The user name &#39;nurse&#39; is taken.");

        WebClient nurse = console.client();
        nurse.signIn("nurse", "temporary-pass-1");
        assertThat(nurse.get("/").header("Location")).isEqualTo("/account/password");

        String id = admin.get("/api/users").body().replaceAll("(?s).*\"id\":\"([^\"]+)\",\"login\":\"nurse\".*", "$1");
        assertThat(admin.submit("/admin/users/" + id, "/admin/users/" + id, Map.of("first-name", "Pat",
                "last-name", "Lee", "disabled", "on")).status()).isEqualTo(303);
        assertThat(nurse.get("/account/password").status()).as("a disabled user's session ends").isEqualTo(302);
        assertThat(admin.get("/admin/audit").body()).contains("user.created", "user.changed", "disabled");
    }

    @Test
    void theLastAdministratorCannotBeRemoved() {
        WebClient.Response refused = admin.submit("/admin/users/admin", "/admin/users/admin",
                Map.of("first-name", "System", "last-name", "Administrator"));
        assertThat(admin.followed(refused).body()).contains("This is the last console administrator");
    }

    @Test
    void groupsAreCreatedChangedAndDeletedWithTheirGrants() {
        assertThat(admin.submit("/admin/groups", "/admin/groups", Map.of("name", "Counselors", "description",
                "Guidance staff", "members", "u-counselor")).status()).isEqualTo(303);
        WebClient.Response duplicate = admin.submit("/admin/groups", "/admin/groups", Map.of("name", "counselors",
                "description", ""));
        assertThat(admin.followed(duplicate).body()).contains("There is a group named");

        String groups = admin.get("/api/groups").body();
        String id = groups.replaceAll("(?s).*\"id\":\"([^\"]+)\",\"name\":\"Counselors\".*", "$1");
        grant("group:" + id, "R");
        assertThat(console.demoUser("counselor").get("/panels/nre").status()).isEqualTo(200);

        WebClient.Response unconfirmed = admin.submit("/admin/groups/" + id, "/admin/groups/" + id + "/delete", Map.of());
        assertThat(admin.followed(unconfirmed).body()).contains("Tick the box to confirm the deletion.");
        assertThat(admin.submit("/admin/groups/" + id, "/admin/groups/" + id + "/delete", Map.of("_confirmed", "yes"))
                .status()).isEqualTo(303);
        assertThat(console.demoUser("counselor").get("/panels/nre").status()).isEqualTo(403);
        assertThat(admin.get("/admin/audit").body()).contains("group.created", "group.deleted", "rights.changed");
    }

    @Test
    void theJsonApiHasTheSameRightsAsThePages() {
        WebClient registrar = console.demoUser("registrar");
        String csrf = registrar.apiCsrfToken();
        assertThat(registrar.get("/api/users").status()).isEqualTo(403);
        assertThat(registrar.postJson("/api/rights/" + NRE + "/grants", "{\"users\":{\"u-registrar\":\"W\"}}", csrf)
                .status()).isEqualTo(403);

        String adminCsrf = admin.apiCsrfToken();
        String toRegistrars = "{\"version\":" + rightVersion(NRE) + ",\"groups\":{\"g-registrars\":\"W\"},\"users\":{}";
        WebClient.Response unconfirmed = admin.postJson("/api/rights/" + NRE + "/grants", toRegistrars + "}", adminCsrf);
        assertThat(unconfirmed.status()).as("a grant to a group of a limited right waits for confirmation")
                .isEqualTo(428);
        assertThat(unconfirmed.body()).contains("\"gainers\":[\"Chen, Lee (registrar)\"]", "\"holdersAfter\":1");
        assertThat(registrar.get("/api/panels/nre").status()).isEqualTo(403);
        WebClient.Response granted = admin.postJson("/api/rights/" + NRE + "/grants", toRegistrars
                + ",\"confirm\":true}", adminCsrf);
        assertThat(granted.status()).isEqualTo(200);
        assertThat(granted.body()).contains("\"groups\":{\"g-registrars\":\"RW\"}");
        assertThat(registrar.get("/api/panels/nre").status()).isEqualTo(200);
        WebClient.Response created = admin.postJson("/api/users", "{\"login\":\"api-user\",\"firstName\":\"Api\","
                + "\"lastName\":\"User\",\"temporaryPassword\":\"a-temporary-password\"}", adminCsrf);
        assertThat(created.status()).isEqualTo(201);
        WebClient.Response invalid = admin.postJson("/api/groups", "{\"name\":\"\"}", adminCsrf);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"errors\":{\"name\":\"Give the group a name of 1 to 100 characters.\"}");
        assertThat(admin.get("/api/audit?limit=5").body()).startsWith("{\"entries\":[{\"id\":");
    }

    /** The version of a right's grants, as the JSON API lists it. */
    private long rightVersion(String rightId) {
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\\{\"id\":\"" + java.util.regex.Pattern.quote(
                rightId) + "\".*?\"version\":(\\d+)}").matcher(admin.get("/api/rights").body());
        assertThat(version.find()).as("the right is listed with its version").isTrue();
        return Long.parseLong(version.group(1));
    }

    /** Saves a user's or group's levels through the right's page, confirming when the console asks. */
    private void grant(String subject, String letters) {
        WebClient.Response saved = submitGrant(subject, letters);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        String location = saved.header("Location");
        if (location.contains("/confirm?")) {
            saved = admin.submit(location, "/admin/rights/" + NRE + "/grants", Map.of());
            assertThat(saved.status()).as(saved.body()).isEqualTo(303);
            location = saved.header("Location");
        }
        assertThat(admin.get(location).body()).contains("Saved: ");
    }

    private WebClient.Response submitGrant(String subject, String letters) {
        Map<String, String> fields = new java.util.HashMap<>(Map.of("subject", subject));
        for (char letter : letters.toCharArray()) {
            fields.put("level." + letter, "on");
        }
        return admin.submit("/admin/rights/" + NRE + "?all=1", "/admin/rights/" + NRE + "/grants", fields);
    }
}
