package org.nre.bench.router;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterSettings;
import org.nre.router.protocol.RequestSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The router client: a register and a status round trip through the plugin's
 * {@link RouterClient} (JSON written and read with jackson-jr, the request signed with HMAC-SHA256 over the body's
 * SHA-256, resilience4j retry and circuit breaker around it, the answer read through a size-limited body handler
 * and checked against the contract) against a WireMock stub of the router on 127.0.0.1, beside the bare
 * java.net.http call to the same stub: the same request line, body and non-signature headers, on an
 * {@link HttpClient} built with the same options, whose answer is read into a byte array and not parsed.
 *
 * <p>{@code bareSigned*} are the bare calls carrying the four signature headers the contract requires, signed with
 * the plugin's {@link RequestSigner} (under a microsecond): they separate what the headers cost on the wire and in
 * the stub from what the client's own machinery costs.
 *
 * <p>Three forks each: on a small machine one JVM can run the same calls up to 20% faster or slower than the
 * next, which is as large as what is measured.
 *
 * <p>The stub answers unsigned requests too (no signature check): it is the same for both sides. One thread,
 * so that client and stub share the machine's two cores the same way on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RouterClientBenchmark {

    static final String JSON = "application/json";
    static final String REGISTRATION_ID = "reg_01HZXBENCH";
    static final String REGISTRATION = """
            {"id": "reg_01HZXBENCH", "districtId": "IL-0150", "state": "%s", "reason": null,
             "termsVersion": "2026-07", "createdAt": "2026-11-28T19:04:44Z", "updatedAt": "2026-11-28T19:04:44Z"}""";

    private WireMockServer router;
    private RouterClient client;
    private HttpClient bare;
    private URI registrations;
    private URI registration;
    private Map<String, Object> request;
    private byte[] requestBody;
    private RequestSigner signer;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        router = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        router.start();
        router.stubFor(post(urlEqualTo("/v1/registrations")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", JSON).withBody(REGISTRATION.formatted("PENDING"))));
        router.stubFor(get(urlEqualTo("/v1/registrations/" + REGISTRATION_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", JSON).withBody(REGISTRATION.formatted("ACTIVE"))));
        URI base = URI.create("http://127.0.0.1:" + router.port());
        registrations = base.resolve("/v1/registrations");
        registration = base.resolve("/v1/registrations/" + REGISTRATION_ID);

        client = new RouterClient(new RouterSettings(base, "bench-district-key", "bench-shared-secret-0123456789"),
                RouterPolicy.DEFAULT, Clock.systemUTC(), new SplittableRandom(7), new RouterClient.Health() {
                    @Override
                    public void reached(Instant at) {
                    }

                    @Override
                    public void unreachable(Instant at, String message) {
                    }
                });
        // The same options as RouterClient's own HttpClient.
        bare = HttpClient.newBuilder()
                .connectTimeout(RouterPolicy.DEFAULT.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        request = new LinkedHashMap<>();
        request.put("districtId", "IL-0150");
        request.put("districtName", "Prairie Valley CUSD 150");
        request.put("state", "IL");
        request.put("applicationName", "med1");
        request.put("sourceAddress", "10.2.0.15");
        request.put("registeredBy", Map.of("id", "jdoe", "name", "Doe, Jane"));
        request.put("terms", Map.of("version", "2026-07", "digest",
                "sha256:9b1c0d9f1ea6fbc1c6d7c40ad54b83c2e0f1e6a7a2d1f0e3b4c5d6e7f8091a2b",
                "acceptedAt", "2026-11-28T19:04:40Z"));
        request.put("locality", Map.of("cities", List.of("Chatham", "Springfield"),
                "postalCodes", List.of("62629", "62704", "62711")));
        requestBody = com.fasterxml.jackson.jr.ob.JSON.std.asBytes(request);
        signer = new RequestSigner("bench-district-key", "bench-shared-secret-0123456789");

        // Both sides must really reach the stub and get what they expect, or the comparison means nothing.
        expectOk(clientRegister(), "register");
        expectOk(clientStatus(), "status");
        if (bareRegister() <= 0 || bareStatus() <= 0 || bareSignedRegister() <= 0 || bareSignedStatus() <= 0) {
            throw new IllegalStateException("The bare calls got empty answers");
        }
    }

    private static void expectOk(RouterResult<RouterRegistration> result, String what) {
        if (!(result instanceof RouterResult.Ok<?>)) {
            throw new IllegalStateException("The client's " + what + " call did not succeed: " + result);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        router.stop();
    }

    /** POST /v1/registrations through the plugin's client: 202 PENDING. */
    @Benchmark
    public RouterResult<RouterRegistration> clientRegister() {
        return client.register(request, UUID.randomUUID().toString());
    }

    /** GET /v1/registrations/{id} through the plugin's client: 200 ACTIVE. */
    @Benchmark
    public RouterResult<RouterRegistration> clientStatus() {
        return client.registration(REGISTRATION_ID, RouterClient.Urgency.INTERACTIVE);
    }

    /** The same POST, bare. */
    @Benchmark
    public int bareRegister() throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(registrations)
                .timeout(RouterPolicy.DEFAULT.readTimeout())
                .header("Accept", JSON + ", application/problem+json")
                .header("Content-Type", JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody))
                .build();
        return answer(bare.send(post, HttpResponse.BodyHandlers.ofByteArray()), 202);
    }

    /** The same GET, bare. */
    @Benchmark
    public int bareStatus() throws IOException, InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(registration)
                .timeout(RouterPolicy.DEFAULT.readTimeout())
                .header("Accept", JSON + ", application/problem+json")
                .GET()
                .build();
        return answer(bare.send(get, HttpResponse.BodyHandlers.ofByteArray()), 200);
    }

    /** The same POST, bare, with the signature headers. */
    @Benchmark
    public int bareSignedRegister() throws IOException, InterruptedException {
        HttpRequest.Builder post = HttpRequest.newBuilder(registrations)
                .timeout(RouterPolicy.DEFAULT.readTimeout())
                .header("Accept", JSON + ", application/problem+json")
                .header("Content-Type", JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody));
        signer.headers("POST", registrations.getRawPath(), requestBody, Instant.now()).forEach(post::header);
        return answer(bare.send(post.build(), HttpResponse.BodyHandlers.ofByteArray()), 202);
    }

    /** The same GET, bare, with the signature headers. */
    @Benchmark
    public int bareSignedStatus() throws IOException, InterruptedException {
        HttpRequest.Builder get = HttpRequest.newBuilder(registration)
                .timeout(RouterPolicy.DEFAULT.readTimeout())
                .header("Accept", JSON + ", application/problem+json")
                .GET();
        signer.headers("GET", registration.getRawPath(), new byte[0], Instant.now()).forEach(get::header);
        return answer(bare.send(get.build(), HttpResponse.BodyHandlers.ofByteArray()), 200);
    }

    private static int answer(HttpResponse<byte[]> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("The stub answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }
}
