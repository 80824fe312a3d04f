package org.nre.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A router that answers after 9 s, then bursts of 300 people pressing "Check status now" at once (twice: the
 * first burst after a start also compiles what it runs) and of 300 pressing "Test connection": the console
 * coalesces the checks, makes at most its bound of calls, refuses the rest at once, and /healthz answers within
 * 200 ms throughout.
 */
class SlowRouterIT {

    static final Logger LOG = LoggerFactory.getLogger(SlowRouterIT.class);
    static final int AT_ONCE = 300;
    static final Duration HEALTHY = Duration.ofMillis(200);
    static final String TEXT = "The slow router's terms.";

    @TempDir
    Path dir;
    ConsoleProcess console;
    WireMockServer router;

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        if (router != null) {
            router.stop();
        }
    }

    @Test
    void threeHundredChecksAgainstARouterThatAnswersAfterNineSecondsLeaveTheConsoleAnswering() throws Exception {
        router = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(2 * AT_ONCE + 50)
                .http2PlainDisabled(true));
        router.start();
        router.stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay(9_000)
                .withBody("{\"version\":\"2026-07\",\"effectiveDate\":\"2026-07-01\",\"digest\":\"sha256:"
                        + sha256(TEXT) + "\",\"text\":\"" + TEXT + "\"}")));
        console = ConsoleProcess.start(dir, List.of("--plugins", TestConsole.dropFolderWithNrePlugin(dir).toString(),
                        "--data", dir.resolve("data").toString(), "--plugin-settings",
                        TestConsole.routerSettings(dir, "http://127.0.0.1:" + router.port()).toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD))
                .awaitStarted();
        WebClient admin = console.client();
        admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
        assertThat(admin.postJson("/api/rights/nre.registration/grants", "{\"version\":1,\"groups\":{\"g-sysadmins\":\"RWD\"},\"users\":{},"
                + "\"confirm\":true}",
                admin.apiCsrfToken()).status()).isEqualTo(200);
        // The connection tests below are the administrator's, who holds the settings right once granted it.
        TestConsole.grant(admin, "nre.settings", "user:admin", "RW");
        WebClient sysadmin = console.client();
        sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        String token = sysadmin.apiCsrfToken();
        WebClient.Response first = sysadmin.postJson("/api/panels/nre/actions/refresh", "{}", token);
        assertThat(first.status()).as(first.body()).isIn(200, 503);

        // A console that has served such a burst before: the first burst after a start also compiles the code it
        // runs, which on two cores costs /healthz up to a few hundred ms more (docs/performance.md, section 7).
        Burst warming = burst(() -> sysadmin.postJson("/api/panels/nre/actions/refresh", "{}", token));
        assertThat(warming.answers()).extracting(WebClient.Response::status).allMatch(s -> s == 200 || s == 409);
        // Then 300 people press "Check status now" at once.
        Burst checks = burst(() -> sysadmin.postJson("/api/panels/nre/actions/refresh", "{}", token));
        // Then 300 administrators press "Test connection", which is not coalesced: the bound refuses the rest.
        String adminToken = admin.apiCsrfToken();
        Burst tests = burst(() -> admin.postJson("/api/panels/nre-settings/actions/test", "{}", adminToken));

        int routerCalls = router.findAll(anyRequestedFor(anyUrl())).size();
        LOG.info("Slow router: first burst of {} checks {}, /healthz {}; {} checks answered {}, /healthz {}; {} "
                + "connection tests {}, /healthz {}; the router got {} calls", AT_ONCE, warming.statuses(),
                warming.health(), AT_ONCE, checks.statuses(), checks.health(), AT_ONCE, tests.statuses(),
                tests.health(), routerCalls);
        assertThat(checks.answers()).extracting(WebClient.Response::status).as("success, already under way, or busy")
                .allMatch(status -> status == 200 || status == 409 || status == 503);
        assertThat(checks.answers()).filteredOn(r -> r.status() == 409).as("checks joined to the one under way")
                .isNotEmpty().allSatisfy(r -> assertThat(r.body()).contains("already under way"));
        assertThat(tests.answers()).extracting(WebClient.Response::status).as("tested, or refused at once as too "
                + "many").allMatch(status -> status == 200 || status == 503);
        assertThat(tests.answers()).filteredOn(r -> r.status() == 503).as("tests beyond the bound").isNotEmpty()
                .allSatisfy(r -> assertThat(r.body()).contains("as many as it makes at once"));
        assertThat(routerCalls).as("calls the router got: the first check, one coalesced check a burst, and 8 tests "
                + "at once at most while each waits its 9 s").isLessThanOrEqualTo(19);
        for (Burst burst : List.of(checks, tests)) {
            assertThat(burst.healthMillis()).as("/healthz answers, one every 50 ms, for the whole time")
                    .hasSizeGreaterThan(100);
            assertThat(burst.healthMillis().stream().mapToLong(Long::longValue).max().orElseThrow())
                    .as("the slowest /healthz, in ms").isLessThan(HEALTHY.toMillis());
        }
        assertThat(console.log()).doesNotContain("OutOfMemoryError", "Exception in thread");
    }

    /** What one burst of requests came to, and how /healthz answered meanwhile. */
    record Burst(List<WebClient.Response> answers, List<Long> healthMillis) {
        Map<Integer, Long> statuses() {
            Map<Integer, Long> statuses = new java.util.TreeMap<>();
            answers.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
            return statuses;
        }

        String health() {
            java.util.LongSummaryStatistics health = healthMillis.stream().mapToLong(Long::longValue)
                    .summaryStatistics();
            return String.format(java.util.Locale.ROOT, "%d times, slowest %d ms, mean %.1f ms", health.getCount(),
                    health.getMax(), health.getAverage());
        }
    }

    /**
     * Sends the request {@link #AT_ONCE} times at once while /healthz is watched, until every answer is in and a
     * second more (the router answers the calls it got after 9 s).
     */
    private Burst burst(java.util.function.Supplier<WebClient.Response> request) throws Exception {
        AtomicBoolean watching = new AtomicBoolean(true);
        List<Long> healthMillis = new ArrayList<>();
        Thread watcher = new Thread(() -> watchHealth(watching, healthMillis), "healthz-watcher");
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<WebClient.Response>> pending = new ArrayList<>();
        List<WebClient.Response> answers = new ArrayList<>();
        try {
            watcher.start();
            for (int i = 0; i < AT_ONCE; i++) {
                pending.add(pool.submit(() -> {
                    go.await();
                    return request.get();
                }));
            }
            go.countDown();
            for (Future<WebClient.Response> answer : pending) {
                answers.add(answer.get());
            }
            Thread.sleep(1_000);
        } finally {
            watching.set(false);
            watcher.join();
            pool.shutdownNow();
        }
        synchronized (healthMillis) {
            return new Burst(answers, List.copyOf(healthMillis));
        }
    }

    /**
     * GETs /healthz every 50 ms on its own connection, noting how long each answer took; an answer other than 200,
     * or none within 5 s, counts as 5 s.
     */
    private void watchHealth(AtomicBoolean watching, List<Long> millis) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port + "/healthz"))
                .timeout(Duration.ofSeconds(5)).build();
        while (watching.get()) {
            long started = System.nanoTime();
            long took;
            try {
                int status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                took = status == 200 ? Duration.ofNanos(System.nanoTime() - started).toMillis() : 5_000;
            } catch (Exception e) {
                took = 5_000;
            }
            synchronized (millis) {
                millis.add(took);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
