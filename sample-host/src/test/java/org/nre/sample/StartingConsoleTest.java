package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's server listens while the rest of the console starts, and answers every request 503 "starting"
 * until the database is migrated, the accounts exist and the plugins have started.
 */
class StartingConsoleTest {

    @TempDir
    Path dir;

    @Test
    void untilThePluginsHaveStartedEveryRequestIsAnswered503StartingWithRetryAfter() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path release = dir.resolve("release");
        // A plugin whose start waits for the test, to hold the console in the middle of starting.
        TestPlugin.named("held").pluginClass("org.example.held.Held", """
                package org.example.held;
                public class Held extends org.pf4j.Plugin {
                    public void start() {
                        java.nio.file.Path release = java.nio.file.Path.of("%s");
                        long until = System.currentTimeMillis() + 60_000;
                        while (!java.nio.file.Files.exists(release) && System.currentTimeMillis() < until) {
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    }
                }""".formatted(release.toString().replace("\\", "\\\\"))).zipInto(plugins);
        int port = freePort();
        CompletableFuture<TestConsole> starting = CompletableFuture.supplyAsync(() -> TestConsole.start(
                List.of("--port", String.valueOf(port), "--plugins", plugins.toString(),
                        "--data", dir.resolve("data").toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD), Clock.systemUTC(), plugins));
        try {
            WebClient client = new WebClient(port);
            WebClient.Response health = firstAnswer(client, "/healthz");

            assertThat(starting).isNotDone();
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.header("Retry-After")).isEqualTo("1");
            assertThat(health.body()).isEqualTo("{\"status\":\"STARTING\"}");
            WebClient.Response page = client.get("/signin");
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.body()).isEqualTo("The console is starting. Try again in a moment.");
            assertThat(page.header("Content-Security-Policy")).isNotBlank();
            WebClient.Response api = client.postJson("/api/session",
                    "{\"login\":\"admin\",\"password\":\"" + TestConsole.ADMIN_PASSWORD + "\"}", null);
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.body()).contains("The console is starting");
            assertThat(client.cookie("nre_session")).isEmpty();
        } finally {
            Files.writeString(release, "go");
        }
        try (TestConsole console = starting.get(60, TimeUnit.SECONDS)) {
            WebClient.Response health = console.admin().get("/healthz");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"id\":\"held\",\"version\":\"1.0.0\",\"state\":\"STARTED\"");
            assertThat(console.admin().get("/").status()).isEqualTo(200);
        }
    }

    /** The first answer from the port, once it listens. */
    private static WebClient.Response firstAnswer(WebClient client, String path) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return client.get(path);
            } catch (RuntimeException e) {
                if (!refused(e) || Instant.now().isAfter(until)) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
