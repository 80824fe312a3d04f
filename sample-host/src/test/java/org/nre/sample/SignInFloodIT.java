package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst of anonymous sign-ins at a console with a small heap: each check's Argon2 memory waits its turn, so the
 * heap holds, the database stays open, nobody gets a 500, and an administrator signs in right after.
 */
class SignInFloodIT {

    static final int AT_ONCE = 200;

    @TempDir
    Path dir;
    ConsoleProcess console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void twoHundredSimultaneousAnonymousSignInsLeaveASmallHeapTheDatabaseAndTheAdministratorsSignInIntact()
            throws Exception {
        console = ConsoleProcess.start(dir, List.of("-Xmx256m"), List.of("--plugins",
                        TestConsole.dropFolderWithNrePlugin(dir).toString(), "--data", dir.resolve("data").toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD))
                .awaitStarted();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < AT_ONCE; i++) {
                String body = "{\"login\":\"guess-" + i + "\",\"password\":\"not-the-password-" + i + "\"}";
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port
                                    + "/api/session")).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).as("refused as wrong, or as busy with Retry-After; never a failure")
                    .allMatch(status -> status == 401 || status == 503);
            assertThat(statuses).contains(401);
        } finally {
            pool.shutdownNow();
        }
        assertThat(console.log()).doesNotContain("OutOfMemoryError", "Database is already closed");
        WebClient.Response health = console.client().get("/healthz");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).as("UP: the database answers").isEqualTo("{\"status\":\"UP\"}");

        FromAddress.Answer admin = FromAddress.postForm("127.0.0.2", console.port, "/signin", Map.of("login", "admin",
                "password", TestConsole.ADMIN_PASSWORD));
        assertThat(admin.status()).as("the administrator signs in right after, from another address").isEqualTo(303);
        assertThat(admin.header("Location")).as("to the console, not back to the sign-in page").isEqualTo("/");
        assertThat(console.alive()).isTrue();
    }
}
