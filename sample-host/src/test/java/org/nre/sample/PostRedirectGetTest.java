package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every browser form answers with 303 to a page, whether the change was made or refused: the page shows the
 * message and, for a refusal, what was entered (never a password) and the field errors; reloading it sends
 * nothing again and shows the page as it stands. Over real HTTP against a started console.
 */
class PostRedirectGetTest {

    @TempDir
    static Path dir;
    static TestConsole console;
    static WebClient admin;

    @BeforeAll
    static void start() throws Exception {
        console = TestConsole.embedded(dir);
        admin = console.adminWithTools();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void aRefusedNewUserGoesToTheUsersPageWithTheMessageTheTypedValuesAndTheErrorsButNoPassword() {
        WebClient.Response refused = admin.submit("/admin/users", "/admin/users", Map.of("login", "kept-login",
                "first-name", "Kept", "last-name", "", "temporary-password", "short-secret", "administrator", "on"));

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/admin/users");
        String shown = admin.get("/admin/users").body();
        assertThat(shown).contains("Nothing was changed: correct the fields marked.")
                .contains("value=\"kept-login\"").contains("value=\"Kept\"")
                .contains("class=\"field invalid\"").doesNotContain("short-secret")
                .containsPattern("id=\"administrator\" name=\"administrator\" checked");
        String reloaded = admin.get("/admin/users").body();
        assertThat(reloaded).doesNotContain("Nothing was changed").doesNotContain("kept-login");
        assertThat(console.console().database().jdbc().one("SELECT COUNT(*) FROM host_user WHERE login = ?",
                row -> row.getInt(1), "kept-login")).contains(0);
    }

    @Test
    void aNewUserGoesToTheUsersPageWithTheMessageAndAReloadCreatesNoSecond() {
        WebClient.Response done = admin.submit("/admin/users", "/admin/users", Map.of("login", "once",
                "first-name", "Only", "last-name", "Once", "temporary-password", "a-long-temporary-pass-1"));

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/admin/users");
        assertThat(admin.get("/admin/users").body()).contains("Once, Only");
        admin.get("/admin/users");
        assertThat(console.console().database().jdbc().one("SELECT COUNT(*) FROM host_user WHERE login = ?",
                row -> row.getInt(1), "once")).contains(1);
    }

    @Test
    void aRefusedChangeOfAUserShowsWhatWasTypedOnTheUsersPage() {
        String id = console.console().database().jdbc().one("SELECT id FROM host_user WHERE login = 'teacher'",
                row -> row.getString(1)).orElseThrow();
        WebClient.Response refused = admin.submit("/admin/users/" + id, "/admin/users/" + id,
                Map.of("first-name", "Typed", "last-name", ""));

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/admin/users/" + id);
        String shown = admin.get("/admin/users/" + id).body();
        assertThat(shown).contains("value=\"Typed\"").contains("class=\"error\" id=\"e-last-name\"");
        assertThat(admin.get("/admin/users/" + id).body()).doesNotContain("value=\"Typed\"");

        WebClient.Response weak = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/password",
                Map.of("temporary-password", "weak"));
        assertThat(weak.status()).isEqualTo(303);
        assertThat(admin.get("/admin/users/" + id).body()).contains("id=\"e-temporary-password\"")
                .doesNotContain("value=\"weak\"");
    }

    @Test
    void aRefusedGroupKeepsItsNameAndTickedMembersAndAnUnconfirmedDeletionSaysWhy() {
        String teacher = console.console().database().jdbc().one("SELECT id FROM host_user WHERE login = 'teacher'",
                row -> row.getString(1)).orElseThrow();
        WebClient.Response refused = admin.submit("/admin/groups", "/admin/groups",
                Map.of("name", "", "description", "Kept words", "members", teacher));

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/admin/groups");
        String shown = admin.get("/admin/groups").body();
        assertThat(shown).contains("value=\"Kept words\"").contains("id=\"e-name\"")
                .containsPattern("id=\"m-" + teacher + "\" name=\"members\" value=\"" + teacher + "\" checked");

        assertThat(admin.submit("/admin/groups", "/admin/groups", Map.of("name", "Kept group", "description", ""))
                .status()).isEqualTo(303);
        String group = console.console().database().jdbc().one("SELECT id FROM host_group WHERE name = 'Kept group'",
                row -> row.getString(1)).orElseThrow();
        WebClient.Response unconfirmed = admin.submit("/admin/groups/" + group, "/admin/groups/" + group + "/delete",
                Map.of());
        assertThat(unconfirmed.status()).isEqualTo(303);
        assertThat(unconfirmed.header("Location")).isEqualTo("/admin/groups/" + group);
        assertThat(admin.get("/admin/groups/" + group).body()).contains("Tick the box to confirm the deletion.")
                .contains("id=\"e-confirm-delete\"");
        assertThat(admin.get("/admin/groups/" + group).body()).doesNotContain("Tick the box to confirm the deletion.");
    }

    @Test
    void aRefusedSignInGoesToTheSignInPageWithWhyAndTheUserNameButNotThePassword() {
        WebClient visitor = console.client();
        WebClient.Response refused = visitor.postForm("/signin", Map.of("login", "teacher",
                "password", "not-the-password"));

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/signin");
        String shown = visitor.get("/signin").body();
        assertThat(shown).contains("role=\"alert\"").contains("value=\"teacher\"").doesNotContain("not-the-password");
        assertThat(visitor.get("/signin").body()).doesNotContain("role=\"alert\"").doesNotContain("value=\"teacher\"");
    }

    @Test
    void aRefusedPasswordChangeGoesToItsPageWithWhyAndNothingTyped() {
        WebClient teacher = console.demoUser("registrar");
        WebClient.Response refused = teacher.submit("/account/password", "/account/password",
                Map.of("current", "wrong-current-password", "chosen", "x", "repeated", "y"));

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/account/password");
        String shown = teacher.get("/account/password").body();
        assertThat(shown).contains("class=\"notice tone-danger\" role=\"alert\"")
                .doesNotContain("wrong-current-password");
        assertThat(teacher.get("/account/password").body()).doesNotContain("tone-danger");
    }

    @Test
    void aRefusedPanelActionGoesToThePanelWithTheMessageAndTheMarkedFieldAndAReloadDoesNothing() {
        WebClient.Response refused = admin.submit("/panels/nre", "/panels/nre/actions/register", Map.of());

        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.header("Location")).isEqualTo("/panels/nre");
        String shown = admin.get("/panels/nre").body();
        assertThat(shown).contains("class=\"notice tone-danger\" role=\"alert\">Registration needs the Terms of "
                + "Service accepted.");
        String reloaded = admin.get("/panels/nre").body();
        assertThat(reloaded).doesNotContain("Registration needs the Terms of Service accepted.");
        assertThat(console.console().database().jdbc().one("SELECT COUNT(*) FROM nre_registration",
                row -> row.getInt(1))).contains(0);
    }

    @Test
    void theHomePageShowsTheToolsAsCardsAndWhatNeedsAnAdministratorsAttention() {
        String home = admin.get("/").body();

        assertThat(home).contains("Your tools").contains("class=\"card tool\"").contains("National Records Exchange")
                .contains("Needs your attention");
        assertThat(console.client().get("/favicon.ico").header("Location")).isEqualTo("/assets/favicon.svg");
        assertThat(console.client().get("/assets/favicon.svg").body()).startsWith("<svg");
    }
}
