package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions and the pages' own protections. */
@Tag("slow")
class SignInSecurityTest {

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock();
    TestConsole console;

    @BeforeEach
    void start() throws Exception {
        console = TestConsole.start(TestConsole.dropFolderWithNrePlugin(dir), dir.resolve("data"), null, "sa",
                TestConsole.ADMIN_PASSWORD, clock);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void repeatedFailedSignInsWaitLongerAndLongerAlikeForKnownAndUnknownUserNames() {
        WebClient client = console.client();
        java.time.Instant lastCounted = null;
        for (int i = 0; i < 4; i++) {
            assertThat(client.followed(client.postForm("/signin", Map.of("login", "backup", "password", "wrong-" + i)))
                    .body()).contains("The user name or password is wrong.");
            lastCounted = clock.instant(); // just after the attempt was counted (before its password was checked)
            assertThat(client.followed(client.postForm("/signin", Map.of("login", "ghost", "password", "wrong-" + i)))
                    .body()).contains("The user name or password is wrong.");
        }

        // The clock goes back to the last counted failure: the wait is a second, which a slow machine's password
        // hashing must not use up before the next attempt.
        Duration since = Duration.between(lastCounted, clock.instant());
        clock.advance(since.negated());
        WebClient.Response known = client.postForm("/signin", Map.of("login", "backup", "password",
                TestConsole.DEMO_PASSWORD));
        WebClient.Response unknown = client.postForm("/signin", Map.of("login", "ghost", "password", "whatever"));
        clock.advance(since);

        assertThat(known.status()).isEqualTo(303);
        assertThat(WebClient.signInRefusal(known)).contains("Too many failed sign-ins for this user name from this address. Try again "
                + "in 1 second.");
        assertThat(WebClient.signInRefusal(unknown)).contains("Too many failed sign-ins for this user name from this address.");
        assertThat(console.admin().get("/admin/audit").body()).contains("signin.failed", "signin.throttled",
                "(unknown: ghost)");

        clock.advance(Duration.ofSeconds(2));
        assertThat(WebClient.signInRefusal(client.postForm("/signin", Map.of("login", "backup", "password",
                "wrong-again")))).contains("The user name or password is wrong.");
        assertThat(client.followed(client.postForm("/signin", Map.of("login", "backup", "password",
                TestConsole.DEMO_PASSWORD))).body()).as("the wait doubles with every failure").contains("Try again in 2 seconds.");
        clock.advance(Duration.ofSeconds(3));
        console.client().signIn("backup", TestConsole.DEMO_PASSWORD);
    }

    @Test
    void failedSignInsFromOneAddressNeverKeepTheAdministratorOutAtAnother() {
        int port = console.console().port();
        for (int i = 0; i < 40; i++) {
            assertThat(FromAddress.postForm("127.0.0.2", port, "/signin", Map.of("login", "admin", "password",
                    "guess-" + i)).header("Location")).isEqualTo("/signin");
        }
        assertThat(WebClient.signInRefusal(FromAddress.postForm("127.0.0.2", port, "/signin", Map.of("login", "admin",
                "password", TestConsole.ADMIN_PASSWORD)).header("Set-Cookie"))).contains("Too many failed sign-ins");

        FromAddress.Answer elsewhere = FromAddress.postForm("127.0.0.3", port, "/signin", Map.of("login", "admin",
                "password", TestConsole.ADMIN_PASSWORD));

        assertThat(elsewhere.status()).isEqualTo(303);
        assertThat(elsewhere.header("Set-Cookie")).startsWith("nre_session=");
        assertThat(console.admin().get("/admin/audit").body()).contains("127.0.0.2", "signin.throttled");
    }

    @Test
    void everySignInStartsANewSessionAndSignOutEndsIt() {
        WebClient client = console.client();
        client.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        String first = sessionCookie(client);
        client.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        String second = sessionCookie(client);
        assertThat(second).isNotEqualTo(first);

        WebClient stale = withSession(first);
        assertThat(stale.get("/").status()).as("the session brought to the sign-in form has ended").isEqualTo(302);

        assertThat(client.submit("/", "/signout", Map.of()).status()).isEqualTo(303);
        assertThat(withSession(second).get("/").header("Location")).isEqualTo("/signin");
    }

    @Test
    void aSessionUnusedForThirtyMinutesEnds() {
        WebClient client = console.client();
        client.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertThat(client.get("/").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        assertThat(client.get("/").header("Location")).isEqualTo("/signin");
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInHoweverBusyItIs() {
        WebClient client = console.client();
        client.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        for (int step = 1; step <= 28; step++) {
            clock.advance(Duration.ofMinutes(25));
            assertThat(client.get("/").status()).as("in use after %d minutes", step * 25).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(21)); // 12 h 1 min after sign-in, 21 min after the last page
        assertThat(client.get("/").header("Location")).isEqualTo("/signin");
        client.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        assertThat(client.get("/").status()).isEqualTo(200);
    }

    @Test
    void everySignedInUserFindsChangePasswordAndChangingItEndsTheirOtherSessionsOnly() {
        WebClient laptop = console.client();
        laptop.signIn("teacher", TestConsole.DEMO_PASSWORD);
        WebClient phone = console.client();
        phone.signIn("teacher", TestConsole.DEMO_PASSWORD);
        WebClient colleague = console.client();
        colleague.signIn("counselor", TestConsole.DEMO_PASSWORD);
        assertThat(laptop.get("/").body()).contains("<a href=\"/account/password\">Change password</a>");

        WebClient.Response changed = laptop.submit("/account/password", "/account/password", Map.of(
                "current", TestConsole.DEMO_PASSWORD, "chosen", "quiet-meadow-lantern-58",
                "repeated", "quiet-meadow-lantern-58"));

        assertThat(changed.status()).isEqualTo(303);
        assertThat(laptop.get("/").body()).contains("Your password was changed. Your other sessions");
        assertThat(phone.get("/").header("Location")).as("the other session ended").isEqualTo("/signin");
        assertThat(colleague.get("/").status()).as("other users are left alone").isEqualTo(200);
        assertThat(console.admin().get("/admin/audit").body()).contains("Changed own password; ended 1 other session");
        phone.signIn("teacher", "quiet-meadow-lantern-58");
    }

    @Test
    void aNewPasswordThatIsCommonOrHoldsTheUserNameIsRefusedAndTheOldOneStillWorks() {
        WebClient client = console.client();
        client.signIn("teacher", TestConsole.DEMO_PASSWORD);
        WebClient.Response common = client.submit("/account/password", "/account/password", Map.of(
                "current", TestConsole.DEMO_PASSWORD, "chosen", "Password123456", "repeated", "Password123456"));
        WebClient.Response named = client.submit("/account/password", "/account/password", Map.of(
                "current", TestConsole.DEMO_PASSWORD, "chosen", "teacher-of-the-year-9",
                "repeated", "teacher-of-the-year-9"));

        assertThat(common.status()).isEqualTo(303);
        assertThat(named.status()).isEqualTo(303);
        // Each answer's message waits in the session until a page shows it: the second stands.
        assertThat(client.followed(named).body()).contains("It contains the user name 'teacher'");
        WebClient.Response again = client.submit("/account/password", "/account/password", Map.of(
                "current", TestConsole.DEMO_PASSWORD, "chosen", "Password123456", "repeated", "Password123456"));
        assertThat(client.followed(again).body()).contains(
                "The new password is not acceptable: It is too easy to guess.");
        console.client().signIn("teacher", TestConsole.DEMO_PASSWORD);
    }

    @Test
    void guessingTheCurrentPasswordOnTheChangeFormIsSlowedLikeSignIn() {
        WebClient client = console.client();
        client.signIn("teacher", TestConsole.DEMO_PASSWORD);
        for (int i = 0; i < 4; i++) {
            client.submit("/account/password", "/account/password", Map.of("current", "guess-" + i,
                    "chosen", "quiet-meadow-lantern-58", "repeated", "quiet-meadow-lantern-58"));
        }
        WebClient.Response held = client.submit("/account/password", "/account/password", Map.of(
                "current", TestConsole.DEMO_PASSWORD, "chosen", "quiet-meadow-lantern-58",
                "repeated", "quiet-meadow-lantern-58"));

        assertThat(client.followed(held).body()).contains("Too many wrong passwords. Try again in 1 second.");
        assertThat(console.admin().get("/admin/audit").body()).contains("password.refused");
    }

    @Test
    void signingInThroughTheApiEndsTheSessionTheClientBrought() {
        WebClient client = console.client();
        client.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        String brought = sessionCookie(client);

        WebClient.Response api = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"backup\",\"password\":\""
                        + TestConsole.DEMO_PASSWORD + "\"}")));

        assertThat(api.status()).isEqualTo(200);
        assertThat(sessionCookie(client)).isNotEqualTo(brought);
        assertThat(withSession(brought).get("/").header("Location")).isEqualTo("/signin");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        WebClient.Response signedIn = console.client().postForm("/signin", Map.of("login", "sysadmin", "password",
                TestConsole.DEMO_PASSWORD));
        assertThat(signedIn.header("Set-Cookie")).startsWith("nre_session=").contains("HttpOnly", "SameSite=Lax",
                "Path=/").doesNotContain("Secure");
    }

    @Test
    void aSignInFromAnotherSiteIsRefused() {
        WebClient client = console.client();
        WebClient.Response response = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("login=sysadmin&password=" + TestConsole.DEMO_PASSWORD)));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Set-Cookie")).isEmpty();
    }

    @Test
    void errorPagesShowNoInternals() {
        WebClient admin = console.admin();
        WebClient.Response missing = admin.get("/no/such/page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is nothing at /no/such/page.").doesNotContain("Exception", "at org.");
        WebClient.Response badJson = admin.postJson("/api/users", "{not json", admin.apiCsrfToken());
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.body()).contains("not valid JSON").doesNotContain("Exception", "at com.");
    }

    private static String sessionCookie(WebClient client) {
        return client.cookie("nre_session");
    }

    private WebClient withSession(String token) {
        WebClient client = console.client();
        client.setCookie("nre_session", token);
        return client;
    }
}
