package org.nre.bench.router;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two diagnostics behind docs/performance.md's analysis of the router client, printed per round (the first rounds
 * are warm-up):
 *
 * <ul>
 *   <li>{@code send-vs-async}: the same GET to a WireMock stub through one {@link HttpClient}, with
 *       {@code send} and with {@code sendAsync(...).get(timeout)} as RouterClient does. Run it again with
 *       {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} to see the difference go.</li>
 *   <li>{@code caller-cpu}: {@link RouterClientBenchmark}'s four calls, with the wall time and the calling thread's
 *       CPU time per call ({@link ThreadMXBean#getCurrentThreadCpuTime}).</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp 'benchmarks.jar:lib/*' org.nre.bench.router.RouterProbe send-vs-async|caller-cpu}
 */
public final class RouterProbe {

    private static final int ROUNDS = 8;
    private static final int CALLS = 300;

    private RouterProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "send-vs-async";
        if (mode.equals("caller-cpu")) {
            callerCpu();
        } else {
            sendVersusAsync();
        }
        System.exit(0);
    }

    private static void sendVersusAsync() throws Exception {
        WireMockServer stub = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal());
        stub.start();
        stub.stubFor(get(urlEqualTo("/v1/registrations/r")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r\"}")));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stub.port() + "/v1/registrations/r"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        System.out.printf("common pool parallelism %d%n", java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        for (int round = 1; round <= ROUNDS; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            long sent = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(10_500, TimeUnit.MILLISECONDS);
            }
            long async = System.nanoTime();
            System.out.printf("round %d: send %.0f us, sendAsync+get %.0f us%n", round,
                    (sent - started) / 1000.0 / CALLS, (async - sent) / 1000.0 / CALLS);
        }
        stub.stop();
    }

    private static void callerCpu() throws Exception {
        RouterClientBenchmark benchmark = new RouterClientBenchmark();
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] calls = {"bareStatus", "clientStatus", "bareRegister", "clientRegister"};
        for (int round = 1; round <= ROUNDS; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (String call : calls) {
                long cpu = threads.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    switch (call) {
                        case "bareStatus" -> benchmark.bareStatus();
                        case "clientStatus" -> benchmark.clientStatus();
                        case "bareRegister" -> benchmark.bareRegister();
                        default -> benchmark.clientRegister();
                    }
                }
                line.append(String.format("  %s %.0f us (caller CPU %.0f us)", call,
                        (System.nanoTime() - started) / 1000.0 / CALLS,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / CALLS));
            }
            System.out.println(line);
        }
        benchmark.tearDown();
    }
}
