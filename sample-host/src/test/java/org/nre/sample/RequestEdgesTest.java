package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edges of HTTP a scanner tries: HEAD, method overrides, JSON with another content type, requests Jetty
 * refuses itself; and the files the console leaves on disk.
 */
class RequestEdgesTest {

    @TempDir
    static Path dir;
    static TestConsole console;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        console = TestConsole.simulated(dir);
        port = console.console().port();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    static FromAddress.Answer raw(String request) {
        return FromAddress.raw(port, request);
    }

    @Test
    void headAnswersAsGetWithoutABody() {
        FromAddress.Answer signIn = raw("HEAD /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        FromAddress.Answer panel = raw("HEAD /panels/nre HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        FromAddress.Answer api = raw("HEAD /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.headers().get("content-type")).startsWith("text/html");
        assertThat(signIn.body()).isEmpty();
        assertThat(panel.status()).as("the GET route's rule: sign in first").isEqualTo(302);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).isEmpty();
    }

    @Test
    void aMethodOverrideHeaderIsIgnored() {
        WebClient admin = console.admin();
        String token = admin.apiCsrfToken();
        String cookie = admin.cookie("nre_session");

        // A GET that claims to be a POST stays a GET: it changes nothing and answers the page.
        FromAddress.Answer get = raw("GET /signout HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: nre_session=" + cookie
                + "\r\nX-HTTP-Method-Override: POST\r\nConnection: close\r\n\r\n");
        // A POST that claims to be a GET is routed as the POST it is.
        FromAddress.Answer post = raw("POST /api/session HTTP/1.1\r\nHost: 127.0.0.1\r\nX-HTTP-Method-Override: GET"
                + "\r\nCookie: nre_session=" + cookie + "\r\nX-CSRF-Token: " + token + "\r\nContent-Type: "
                + "application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertThat(get.status()).isIn(404, 405);
        assertThat(admin.get("/api/session").status()).as("still signed in").isEqualTo(200);
        assertThat(post.status()).as("a sign-in without a login, not the session's GET").isEqualTo(422);
        assertThat(post.body()).contains("\"login\":\"'login' is required: a string.\"");
    }

    @Test
    void theJsonApiRefusesABodyThatIsNotDeclaredJson() {
        WebClient admin = console.admin();
        String token = admin.apiCsrfToken();

        WebClient.Response form = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin.base()
                        + "/api/users")).header("X-CSRF-Token", token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"login\":\"sneaky\"}")));
        WebClient.Response plain = admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin.base()
                        + "/api/panels/nre/actions/refresh")).header("X-CSRF-Token", token)
                .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        WebClient.Response json = admin.postJson("/api/panels/nre/actions/refresh", "{}", token);

        assertThat(form.status()).isEqualTo(415);
        assertThat(form.header("Content-Type")).startsWith("application/problem+json");
        assertThat(form.body()).contains("Content-Type: application/json");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(json.status()).isNotEqualTo(415);
        assertThat(admin.get("/api/users").body()).doesNotContain("sneaky");
    }

    @Test
    void answersJettyWritesItselfCarryTheSecurityHeaders() {
        FromAddress.Answer tooLarge = raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(40_000)
                + "\r\nConnection: close\r\n\r\n");
        FromAddress.Answer malformed = raw("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        FromAddress.Answer noHost = raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");

        for (FromAddress.Answer answer : List.of(tooLarge, malformed, noHost)) {
            assertThat(answer.status()).isIn(400, 431);
            assertThat(answer.headers()).containsKeys("content-security-policy", "x-content-type-options",
                    "x-frame-options", "referrer-policy");
            assertThat(answer.headers().get("cache-control")).contains("no-store");
            assertThat(answer.body()).doesNotContain("at org.eclipse");
        }
        assertThat(tooLarge.status()).isEqualTo(431);
    }

    @Test
    void theDataFolderAndTheDatabaseFilesAreTheConsolesUsersOnly() throws Exception {
        Path data = dir.resolve("data");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        try (var files = Files.list(data)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                            .isEqualTo("rw-------"));
        }
    }
}
