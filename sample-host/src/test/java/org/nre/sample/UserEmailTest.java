package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.db.Jdbc;

/** A user's e-mail address, where their notices go: set by an administrator, checked, audited, kept by the API. */
@Tag("slow")
class UserEmailTest {

    @TempDir
    Path dir;
    TestConsole console;
    WebClient admin;

    @BeforeEach
    void start() throws IOException {
        console = TestConsole.embedded(dir);
        admin = console.admin();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anAdministratorSetsAnAddressOnTheUsersPageAndTheChangeIsAudited() {
        WebClient.Response saved = admin.submit("/admin/users/u-backup", "/admin/users/u-backup", Map.of(
                "first-name", "Bea", "last-name", "Backup", "email", "  bea.backup@district.example "));

        assertThat(saved.status()).isEqualTo(303);
        assertThat(email("u-backup")).isEqualTo("bea.backup@district.example");
        assertThat(admin.get("/admin/users/u-backup").body()).contains("value=\"bea.backup@district.example\"");
        assertThat(admin.get("/admin/audit").body()).contains("e-mail address (none) -&gt; bea.backup@district.example");
    }

    @Test
    void aMalformedAddressIsRefusedByNameAndChangesNothing() {
        for (String bad : new String[] {"bea", "bea@district", "a@b.example, c@d.example", "<bea@district.example>",
            "x".repeat(250) + "@district.example"}) {
            WebClient.Response refused = admin.submit("/admin/users/u-backup", "/admin/users/u-backup", Map.of(
                    "first-name", "Renamed", "last-name", "Backup", "email", bad));

            assertThat(refused.status()).as(bad).isEqualTo(303);
            assertThat(admin.followed(refused).body()).as(bad).contains("Give one e-mail address such as");
            assertThat(email("u-backup")).as(bad).isEmpty();
            assertThat(console.console().database().jdbc().one("SELECT first_name FROM host_user WHERE id = ?",
                    row -> row.getString(1), "u-backup").orElseThrow()).as(bad).isNotEqualTo("Renamed");
        }
    }

    @Test
    void theApiSetsTheAddressAndAnUpdateThatLeavesItOutKeepsIt() {
        String csrf = admin.apiCsrfToken();
        WebClient.Response created = admin.postJson("/api/users", """
                {"login": "clerk", "firstName": "Cal", "lastName": "Clerk", "temporaryPassword": "a-temporary-pass-1",
                 "email": "cal@district.example"}""", csrf);
        assertThat(created.status()).isEqualTo(201);
        String id = console.console().database().jdbc().one("SELECT id FROM host_user WHERE login = 'clerk'",
                row -> row.getString(1)).orElseThrow();
        assertThat(email(id)).isEqualTo("cal@district.example");

        WebClient.Response updated = admin.postJson("/api/users/" + id, """
                {"version": 1, "firstName": "Calvin", "lastName": "Clerk", "administrator": false,
                 "disabled": false}""", csrf);

        assertThat(updated.status()).isEqualTo(200);
        assertThat(email(id)).isEqualTo("cal@district.example");
        assertThat(admin.get("/api/users").body()).contains("\"email\":\"cal@district.example\"");

        WebClient.Response refused = admin.postJson("/api/users/" + id, """
                {"version": 2, "firstName": "Calvin", "lastName": "Clerk", "administrator": false,
                 "disabled": false, "email": "not an address"}""", csrf);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("email");
        assertThat(email(id)).isEqualTo("cal@district.example");
    }

    private String email(String userId) {
        Jdbc jdbc = console.console().database().jdbc();
        return jdbc.one("SELECT email FROM host_user WHERE id = ?", row -> row.getString(1), userId).orElseThrow();
    }
}
