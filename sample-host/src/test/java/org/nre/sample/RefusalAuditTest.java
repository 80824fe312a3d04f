package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.audit.LogLines;
import org.slf4j.LoggerFactory;

/**
 * Every refused request leaves an audit entry saying who (or anonymous), what, where from and why; anonymous ones
 * are kept at most once a minute per address; no value reaches the audit log or the log with a raw line break.
 */
@Tag("slow")
class RefusalAuditTest {

    static final String RAW_CONTROL = "[\\x00-\\x1f\\x7f]";

    @TempDir
    static Path dir;
    static TestConsole console;

    @BeforeAll
    static void start() throws Exception {
        console = TestConsole.simulated(dir);
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    static List<AuditStore.Entry> refusals() {
        return new AuditStore(console.console().database().jdbc(), Clock.systemUTC()).newest(500).stream()
                .filter(e -> e.action().equals("refused")).toList();
    }

    @Test
    void aSignedInUserRefusedAnAdministratorPageIsAudited() {
        WebClient registrar = console.demoUser("registrar");

        assertThat(registrar.get("/admin/users").status()).isEqualTo(403);

        assertThat(refusals()).anySatisfy(e -> {
            assertThat(e.actorId()).isEqualTo("u-registrar");
            assertThat(e.remoteAddress()).isEqualTo("127.0.0.1");
            assertThat(e.detail()).isEqualTo("GET /admin/users answered 403: Only a console administrator may use "
                    + "this page.");
        });
    }

    @Test
    void aRefusedPanelViewAndAChangeWithoutTheCsrfTokenAreAudited() {
        WebClient counselor = console.demoUser("counselor");

        assertThat(counselor.get("/panels/nre").status()).isEqualTo(403);
        assertThat(counselor.postForm("/account/password", Map.of("current", "x")).status()).isEqualTo(403);

        assertThat(refusals()).filteredOn(e -> e.actorId().equals("u-counselor")).extracting(AuditStore.Entry::detail)
                .anySatisfy(d -> assertThat(d).startsWith("GET /panels/nre answered 403: "))
                .anySatisfy(d -> assertThat(d).startsWith("POST /account/password answered 403: ").contains("CSRF"));
    }

    @Test
    void aChangeFromAnotherSiteIsAudited() {
        WebClient teacher = console.demoUser("teacher");
        String token = teacher.apiCsrfToken();

        WebClient.Response refused = teacher.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        teacher.base() + "/signout")).header("Origin", "https://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + token)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refusals()).anySatisfy(e -> {
            assertThat(e.actorId()).isEqualTo("u-teacher");
            assertThat(e.detail()).startsWith("POST /signout answered 403: ").contains("Origin https://evil.example");
        });
    }

    @Test
    void anonymousRefusalsAreAuditedOnceAMinutePerAddressCountingTheRest() {
        for (int i = 0; i < 30; i++) {
            assertThat(FromAddress.get("127.0.0.5", console.console().port(), "/api/users", Map.of("Host",
                    "127.0.0.1")).status()).isEqualTo(401);
        }
        assertThat(FromAddress.get("127.0.0.6", console.console().port(), "/api/rights", Map.of("Host",
                "127.0.0.1")).status()).isEqualTo(401);

        assertThat(refusals()).filteredOn(e -> e.remoteAddress().equals("127.0.0.5")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actorName()).isEqualTo("anonymous");
                    assertThat(e.detail()).isEqualTo("GET /api/users answered 401: Sign in first.");
                });
        assertThat(refusals()).filteredOn(e -> e.remoteAddress().equals("127.0.0.6")).hasSize(1);
    }

    @Test
    void aRequestForAnotherHostIsAuditedAsAnonymous() {
        assertThat(FromAddress.get("127.0.0.7", console.console().port(), "/", Map.of("Host",
                "rebound.example")).status()).isEqualTo(421);

        assertThat(refusals()).filteredOn(e -> e.remoteAddress().equals("127.0.0.7")).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("GET / answered 421: ")
                        .contains("'rebound.example'"));
    }

    @Test
    void lineBreaksTypedIntoAUserNameAreEscapedInTheAuditLog() {
        FromAddress.postForm("127.0.0.8", console.console().port(), "/signin", Map.of("login",
                "mallory\r\n2026-12-01 admin signin Signed in\u001b[2J", "password", "wrong-password-123"));

        List<AuditStore.Entry> entries = new AuditStore(console.console().database().jdbc(), Clock.systemUTC())
                .newest(500);
        assertThat(entries).filteredOn(e -> e.remoteAddress().equals("127.0.0.8")).isNotEmpty().allSatisfy(e -> {
            assertThat(e.actorName() + e.detail() + e.actorId()).doesNotContainPattern(RAW_CONTROL);
            assertThat(e.actorName()).contains("mallory\\r\\n2026-12-01 admin", "\\u001b[2J");
        });
    }

    @Test
    void theLogWritesEveryMessageOnOneLine() {
        PrintStream before = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new LogLines(captured, StandardCharsets.UTF_8));
        try {
            LoggerFactory.getLogger(RefusalAuditTest.class).warn("Plugin '{}' failed: {}", "x",
                    "boom\r\n2026-12-01T00:00:00Z [INFO] Console - forged\u001b[31m");
        } finally {
            System.setOut(before);
        }

        String written = captured.toString(StandardCharsets.UTF_8);
        assertThat(written.lines()).hasSize(1);
        assertThat(written).contains("boom\\r\\n2026-12-01T00:00:00Z [INFO] Console - forged\\u001b[31m");
    }
}
