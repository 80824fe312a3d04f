package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the console takes the client's address, scheme and host: its own unless a trusted proxy says otherwise, and
 * never a Host that is not its own (DNS rebinding against the console).
 */
@Tag("slow")
class FrontendTest {

    @TempDir
    Path dir;
    TestConsole console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aHostThatIsNotTheConsolesOwnIsRefusedExceptForTheHealthCheck() throws Exception {
        console = start(List.of("--public-url", "https://console.district.example"));
        int port = console.console().port();

        FromAddress.Answer rebound = FromAddress.get("127.0.0.1", port, "/signin", Map.of("Host", "attacker.example"));
        FromAddress.Answer health = FromAddress.get("127.0.0.1", port, "/healthz", Map.of("Host", "attacker.example"));
        FromAddress.Answer own = FromAddress.get("127.0.0.1", port, "/signin",
                Map.of("Host", "console.district.example"));
        FromAddress.Answer literal = FromAddress.get("127.0.0.1", port, "/signin", Map.of("Host", "127.0.0.1:" + port));

        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.body()).contains("This console does not answer for the host 'attacker.example'",
                "https://console.district.example");
        assertThat(health.status()).isEqualTo(200);
        assertThat(own.status()).isEqualTo(200);
        assertThat(literal.status()).isEqualTo(200);
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromTrustedProxies() throws Exception {
        console = start(List.of());
        signInWrongly("203.0.113.9");
        assertThat(audit()).as("from an untrusted peer, X-Forwarded-For is ignored").doesNotContain("203.0.113.9");
        console.close();

        console = start(List.of("--trusted-proxies", "127.0.0.0/8"));
        signInWrongly("203.0.113.9, 127.0.0.5");
        assertThat(audit()).as("the nearest untrusted hop of the chain is the client").contains("203.0.113.9");
    }

    @Test
    void behindAnHttpsPublicUrlTheCookieIsSecureHstsIsSentAndChangesMustComeFromThePublicOrigin() throws Exception {
        console = start(List.of("--public-url", "https://console.district.example", "--trusted-proxies", "127.0.0.1"));
        int port = console.console().port();
        Map<String, String> viaProxy = Map.of("Host", "console.district.example", "X-Forwarded-Proto", "https",
                "X-Forwarded-For", "198.51.100.20", "Origin", "https://console.district.example");

        FromAddress.Answer signedIn = FromAddress.postForm("127.0.0.1", port, "/signin", Map.of("login", "admin",
                "password", TestConsole.ADMIN_PASSWORD), viaProxy);
        Map<String, String> fromElsewhere = new java.util.HashMap<>(viaProxy);
        fromElsewhere.put("Origin", "https://attacker.example");
        FromAddress.Answer forged = FromAddress.postForm("127.0.0.1", port, "/signin", Map.of("login", "admin",
                "password", TestConsole.ADMIN_PASSWORD), fromElsewhere);

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Set-Cookie")).contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(signedIn.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(signedIn.header("Location")).doesNotStartWith("http:");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(audit()).contains("198.51.100.20");
    }

    @Test
    void overPlainHttpWithoutAPublicUrlTheCookieIsNotSecureAndNoHstsIsSent() throws Exception {
        console = start(List.of());
        WebClient.Response signedIn = console.client().postForm("/signin", Map.of("login", "admin", "password",
                TestConsole.ADMIN_PASSWORD));
        assertThat(signedIn.header("Set-Cookie")).doesNotContain("Secure");
        assertThat(signedIn.header("Strict-Transport-Security")).isEmpty();
    }

    private void signInWrongly(String forwardedFor) {
        int port = console.console().port();
        FromAddress.postForm("127.0.0.1", port, "/signin", Map.of("login", "nobody", "password", "wrong-password"),
                Map.of("Host", "localhost:" + port, "Origin", "http://localhost:" + port, "X-Forwarded-For",
                        forwardedFor));
    }

    /** The addresses the audit log holds, read from its table. */
    private String audit() {
        return String.join(" ", console.console().database().jdbc().list(
                "SELECT remote_address FROM host_audit ORDER BY id", row -> row.getString(1)));
    }

    private TestConsole start(List<String> extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--plugins",
                TestConsole.dropFolderWithNrePluginOnce(dir).toString(), "--data", dir.resolve("data").toString()));
        args.addAll(extra);
        return TestConsole.start(args, Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD",
                TestConsole.DEMO_PASSWORD), Clock.systemUTC(), dir.resolve("plugins"));
    }
}
