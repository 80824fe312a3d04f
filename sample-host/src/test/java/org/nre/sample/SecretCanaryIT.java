package org.nre.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary shared secret is set through the settings panel of the packaged console, everything is exercised
 * (every page and API, a router refusing the signature, a refused settings form), and the canary is
 * searched for in every answer, the whole log, the audit log and a dump of the database: it must be nowhere.
 */
class SecretCanaryIT {

    static final String CANARY = "canary-7f3a9c1e5b2d4f6a8c0e";
    static final List<String> PAGES = List.of("/", "/panels/nre", "/panels/nre-settings", "/admin/users",
            "/admin/groups", "/admin/rights", "/admin/audit", "/admin/plugins", "/api/session", "/api/menu",
            "/api/panels/nre", "/api/panels/nre-settings", "/api/users", "/api/groups", "/api/rights",
            "/api/audit?limit=1000", "/api/plugins", "/healthz");

    @TempDir
    Path dir;

    @Test
    void theSharedSecretAppearsInNoPageApiAnswerLogLineAuditEntryOrDatabaseColumn() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        // A router that refuses every signature, as the vendor's does a wrong secret: error paths run too.
        WireMockServer router = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        router.start();
        router.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Bad signature\",\"status\":401,"
                        + "\"detail\":\"The signature does not match the request.\"}")));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("nre.test.jar"), "--port", String.valueOf(port), "--plugins",
                plugins.toString(), "--data", dir.resolve("data").toString()).redirectErrorStream(true);
        builder.environment().put("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD);
        builder.environment().put("NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD);
        Process process = builder.start();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.add(line);
                }
            } catch (IOException e) {
                log.add("(closed)");
            }
        });
        reader.start();
        StringBuilder answers = new StringBuilder();
        try {
            waitFor(log, "listening on http://127.0.0.1:" + port);
            WebClient admin = new WebClient(port);
            admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
            TestConsole.grant(admin, "nre.registration", "user:admin", "RWD");
            TestConsole.grant(admin, "nre.settings", "user:admin", "RW");
            WebClient.Response saved = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                    Map.of("router-url", "http://127.0.0.1:" + router.port(), "district-key", "IL-0150-KEY",
                            "shared-secret", CANARY, "poll-interval-seconds", "10"));
            answers.append(saved.body());
            assertThat(saved.status()).isEqualTo(303);
            WebClient.Response refused = admin.submit("/panels/nre-settings", "/panels/nre-settings/actions/save",
                    Map.of("router-url", "http://elsewhere.example", "district-key", "IL-0150-KEY", "shared-secret",
                            CANARY, "poll-interval-seconds", "1"));
            answers.append(refused.body());
            answers.append(admin.followed(refused).body());

            // The plugin now signs with the canary, which the router refuses.
            answers.append(admin.submit("/panels/nre", "/panels/nre/actions/refresh", Map.of()).body());
            answers.append(admin.submit("/panels/nre", "/panels/nre/actions/register",
                    Map.of("accept-terms", "on", "terms-version", "2026-07")).body());
            Thread.sleep(12_000); // let the status poller run with the canary
            for (String page : PAGES) {
                WebClient.Response response = admin.get(page);
                assertThat(response.status()).as(page).isLessThan(500);
                answers.append(response.body());
                response.headers().map().forEach((name, values) -> answers.append(name).append(values));
            }
            assertThat(answers.toString()).contains("Shared secret <span class=\"detail\">(set)</span>");
        } finally {
            router.stop();
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
            reader.join(5000);
        }

        assertThat(answers.toString()).doesNotContain(CANARY);
        assertThat(String.join("\n", log)).doesNotContain(CANARY).contains("Plugin nre 0.1.0-SNAPSHOT STARTED");
        String dump = databaseDump(dir.resolve("data"));
        assertThat(dump).doesNotContain(CANARY);
        assertThat(dump.toLowerCase()).contains("insert into \"public\".\"host_plugin_secret\"");
        assertThat(Files.readString(dir.resolve("data").resolve("secrets.key"))).doesNotContain(CANARY);
    }

    private static String databaseDump(Path data) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + data.resolve("console") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                dump.append(rows.getString(1)).append('\n');
            }
        }
        return dump.toString();
    }

    private static void waitFor(List<String> lines, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            synchronized (lines) {
                if (lines.stream().anyMatch(l -> l.contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The console did not start:\n" + String.join("\n", lines));
    }
}
