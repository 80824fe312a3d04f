package org.nre.plugin.router;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLContext;
import org.nre.plugin.router.RouterCalls.Operation;
import org.nre.router.protocol.RequestSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's client: signed requests over java.net.http, with timeouts, retries only where they are safe
 * (network errors, 408, 429, 5xx; the same idempotency key on every attempt), capped and jittered exponential
 * backoff that honours Retry-After, a circuit breaker, and a bound on the answer's size. Every outcome is a
 * {@link RouterResult}; nothing is thrown for the router's faults.
 */
public final class RouterClient implements AutoCloseable {

    /** Whether a person is waiting for the call, which sets how many attempts it gets. */
    public enum Urgency { INTERACTIVE, BACKGROUND }

    /** Told of every call's outcome, so that the panel can show whether the router is reachable. */
    public interface Health {
        void reached(Instant at);

        void unreachable(Instant at, String message);
    }

    static final String JSON = "application/json";
    private static final Logger LOG = LoggerFactory.getLogger(RouterClient.class);

    /** The answer was larger than the policy allows. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private final RouterSettings settings;
    private final RouterPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final Health health;
    private final RouterCalls calls;
    private final RequestSigner signer;
    private final HttpClient http;
    /** Calls in flight on this node, across the clients of one connection; see {@link RouterPolicy#maxCallsAtOnce}. */
    private final Semaphore callsAtOnce;
    /** Every https connection goes through it, to the address it checked; null for plain http on loopback. */
    private final RouterTunnel tunnel;
    private final RouterAnswers answers;
    private final CircuitBreaker circuit;
    private final Retry interactive;
    private final Retry background;
    private volatile Instant openedAt;

    public RouterClient(RouterSettings settings, RouterPolicy policy, Clock clock, RandomGenerator random,
                        Health health) {
        this(settings, policy, clock, random, health, InetAddress::getAllByName, null,
                new Semaphore(policy.maxCallsAtOnce()), RouterCalls.NONE);
    }

    /**
     * A client that resolves the router's host with the given resolver, trusts what the SSL context does (the
     * JDK's default trust when null) and shares the bound on calls at once.
     */
    RouterClient(RouterSettings settings, RouterPolicy policy, Clock clock, RandomGenerator random, Health health,
                 RouterTunnel.Resolver resolver, SSLContext ssl, Semaphore callsAtOnce) {
        this(settings, policy, clock, random, health, resolver, ssl, callsAtOnce, RouterCalls.NONE);
    }

    /** As above, telling {@code calls} of every call's outcome and duration. */
    RouterClient(RouterSettings settings, RouterPolicy policy, Clock clock, RandomGenerator random, Health health,
                 RouterTunnel.Resolver resolver, SSLContext ssl, Semaphore callsAtOnce, RouterCalls calls) {
        this.calls = calls;
        this.settings = settings;
        this.callsAtOnce = callsAtOnce;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.health = health;
        this.answers = new RouterAnswers(clock, health);
        this.signer = new RequestSigner(settings.districtKey(), settings.sharedSecret());
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            http.sslContext(ssl);
        }
        URI base = settings.baseUrl();
        if ("https".equalsIgnoreCase(base.getScheme())) {
            try {
                this.tunnel = new RouterTunnel(base.getHost(), base.getPort() < 0 ? 443 : base.getPort(),
                        settings.allowedNetworks(), policy.connectTimeout(), resolver);
            } catch (IOException e) {
                throw new UncheckedIOException("The console cannot open its router tunnel on loopback", e);
            }
            http.proxy(ProxySelector.of(tunnel.address()));
        } else {
            this.tunnel = null;
        }
        this.http = http.build();
        this.circuit = CircuitBreaker.of("nre-router", CircuitBreakerConfig.custom()
                .slidingWindowSize(policy.circuitWindow())
                .minimumNumberOfCalls(policy.circuitMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(policy.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof IOException)
                .recordResult(result -> result instanceof RouterAnswer answer && failed(answer.status()))
                .clock(clock)
                .build());
        circuit.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            }
        });
        this.interactive = Retry.of("nre-router-interactive", retryConfig(policy.interactiveAttempts()));
        this.background = Retry.of("nre-router-background", retryConfig(policy.backgroundAttempts()));
    }

    public RouterResult<RouterTerms> currentTerms(Urgency urgency) {
        return call(Operation.TERMS, "GET", "/v1/terms/current", null, null, urgency,
                answer -> RouterJson.terms(RouterJson.object(answer.body())));
    }

    /**
     * One signed request for the current terms, past the circuit breaker and without retries: whether the router
     * is reachable and accepts the console's signature. It carries the district key and nothing of the district.
     */
    public RouterResult<RouterTerms> probe() {
        RouterAnswers.Reader<RouterTerms> terms = answer -> RouterJson.terms(RouterJson.object(answer.body()));
        if (!callsAtOnce.tryAcquire()) {
            return tooManyAtOnce();
        }
        try {
            long started = System.nanoTime();
            RouterResult<RouterTerms> result = probeWithin(terms);
            told(Operation.PROBE, result, started);
            return result;
        } finally {
            callsAtOnce.release();
        }
    }

    private RouterResult<RouterTerms> probeWithin(RouterAnswers.Reader<RouterTerms> terms) {
        try {
            return answers.interpret(attempt("GET", "/v1/terms/current", null, null), terms);
        } catch (TooLarge e) {
            return new RouterResult.Malformed<>("The router's answer was larger than "
                    + policy.maxAnswerBytes() / 1024 + " KiB, which the contract does not allow; it was not read.");
        } catch (HttpTimeoutException e) {
            return new RouterResult.Lost<>("The router did not answer within " + policy.readTimeout().toSeconds()
                    + " seconds.");
        } catch (IOException e) {
            String notSent = NotSentReasons.of(e, settings.baseUrl(), policy, tunnel);
            return notSent != null ? new RouterResult.NotSent<>(notSent, Duration.ZERO)
                    : new RouterResult.Lost<>("The connection to the router broke before its answer arrived.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RouterResult.Lost<>("The test was interrupted before the router answered.");
        }
    }

    /** Sends a registration; retries reuse the idempotency key, so the router creates at most one. */
    public RouterResult<RouterRegistration> register(Map<String, ?> request, String idempotencyKey) {
        return call(Operation.REGISTER, "POST", "/v1/registrations", RouterJson.write(request), idempotencyKey,
                Urgency.INTERACTIVE, answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> registration(String id, Urgency urgency) {
        return call(Operation.REGISTRATION, "GET", "/v1/registrations/" + encode(id), null, null, urgency,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    /**
     * The district's registrations at the router that carry the console's reference: settles a registration
     * whose answer was lost by its own identity, and only by it.
     */
    public RouterResult<List<RouterRegistration>> registrationsOf(String districtId, String clientReference,
                                                                  Urgency urgency) {
        return call(Operation.LOOKUP, "GET", "/v1/registrations?districtId=" + encode(districtId)
                        + "&clientReference=" + encode(clientReference), null, null, urgency,
                answer -> RouterJson.registrations(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> acceptTerms(String id, Map<String, ?> acceptance, String idempotencyKey,
                                                        Urgency urgency) {
        return call(Operation.ACCEPT_TERMS, "POST", "/v1/registrations/" + encode(id) + "/terms-acceptances",
                RouterJson.write(acceptance), idempotencyKey, urgency,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> putLocality(String id, Map<String, ?> locality, String idempotencyKey,
                                                        Urgency urgency) {
        return call(Operation.LOCALITY, "PUT", "/v1/registrations/" + encode(id) + "/locality",
                RouterJson.write(locality), idempotencyKey, urgency,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> deregister(String id, String idempotencyKey) {
        return call(Operation.DEREGISTER, "DELETE", "/v1/registrations/" + encode(id), null, idempotencyKey,
                Urgency.INTERACTIVE, answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    /** Whether the circuit breaker lets calls through now. */
    public boolean circuitClosed() {
        return circuitOpenUntil().isEmpty();
    }

    /** Until when the circuit breaker stops calls to the router, when it does now. */
    public Optional<Instant> circuitOpenUntil() {
        CircuitBreaker.State state = circuit.getState();
        if (state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN) {
            return Optional.empty();
        }
        Instant opened = openedAt;
        Instant until = opened == null ? clock.instant().plus(policy.circuitOpenFor())
                : opened.plus(policy.circuitOpenFor());
        // Past that time the breaker lets trial calls through at the next call.
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** What the attempts of one call came to, beyond their answer. */
    private static final class Attempts {
        int made;
        /** Whether any attempt may have put a byte of the request on the wire. */
        boolean mayHaveSent;
        /** The plain-words reason the last attempt failed without sending, or null. */
        String notSentBecause;
        /** The router's last answer, such as a 503 that another attempt was to follow, or null. */
        RouterAnswer answered;
    }

    private <T> RouterResult<T> call(Operation operation, String method, String pathAndQuery,
                                     byte[] body, String idempotencyKey, Urgency urgency,
                                     RouterAnswers.Reader<T> reader) {
        if (!callsAtOnce.tryAcquire()) {
            return tooManyAtOnce();
        }
        long started = System.nanoTime();
        try {
            RouterResult<T> result = callWithin(method, pathAndQuery, body, idempotencyKey, urgency, reader);
            told(operation, result, started);
            return result;
        } finally {
            callsAtOnce.release();
        }
    }

    /** Tells of a call's outcome; what is told of it never fails the call. */
    private void told(Operation operation, RouterResult<?> result, long startedNanos) {
        try {
            calls.called(operation, result, Duration.ofNanos(System.nanoTime() - startedNanos));
        } catch (RuntimeException e) {
            LOG.warn("Recording a router call's outcome failed: {}", e.toString());
        }
    }

    /** Refused at once rather than queued: a person waiting gets an answer, and no thread waits on the router. */
    private <T> RouterResult<T> tooManyAtOnce() {
        return new RouterResult.NotSent<>("The console is already waiting for the router on "
                + policy.maxCallsAtOnce() + " calls, as many as it makes at once. Try again in a moment.",
                Duration.ofSeconds(1));
    }

    private <T> RouterResult<T> callWithin(String method, String pathAndQuery, byte[] body, String idempotencyKey,
                                           Urgency urgency, RouterAnswers.Reader<T> reader) {
        Attempts attempts = new Attempts();
        CheckedSupplier<RouterAnswer> attempt = CircuitBreaker.decorateCheckedSupplier(circuit, () -> {
            attempts.made++;
            try {
                RouterAnswer answer = attempt(method, pathAndQuery, body, idempotencyKey);
                attempts.answered = answer;
                return answer;
            } catch (IOException e) {
                String notSent = NotSentReasons.of(e, settings.baseUrl(), policy, tunnel);
                if (notSent == null) {
                    attempts.mayHaveSent = true;
                } else {
                    attempts.notSentBecause = notSent;
                }
                LOG.debug("{} {} failed: {}", method, pathAndQuery, e.toString());
                throw e;
            }
        });
        Retry retry = urgency == Urgency.INTERACTIVE ? interactive : background;
        RouterAnswer answer;
        try {
            answer = Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (CallNotPermittedException e) {
            String paused = "The router failed several times in a row, so the console has paused calls to it for "
                    + policy.circuitOpenFor().toSeconds() + " seconds.";
            // The circuit may have opened during this very call: the router is unreachable either way. A call the
            // breaker stopped before its first attempt leaves the cause the failures before it recorded.
            if (attempts.made > 0) {
                health.unreachable(clock.instant(), attempts.notSentBecause == null ? paused : attempts.notSentBecause);
            }
            if (attempts.mayHaveSent) {
                return new RouterResult.Lost<>(paused + " An earlier attempt of this request may have reached it.");
            }
            if (attempts.answered != null) {
                // An earlier attempt reached the router, which answered it: that answer says what it did.
                return answers.interpret(attempts.answered, reader);
            }
            return new RouterResult.NotSent<>(attempts.notSentBecause == null ? paused
                    : attempts.notSentBecause + " " + paused, policy.circuitOpenFor());
        } catch (TooLarge e) {
            health.reached(clock.instant());
            return new RouterResult.Malformed<>("The router's answer was larger than "
                    + policy.maxAnswerBytes() / 1024 + " KiB, which the contract does not allow; it was not read.");
        } catch (HttpTimeoutException e) {
            String message = "The router did not answer within " + policy.readTimeout().toSeconds() + " seconds.";
            health.unreachable(clock.instant(), message);
            return new RouterResult.Lost<>(message);
        } catch (IOException e) {
            if (!attempts.mayHaveSent && attempts.notSentBecause != null) {
                health.unreachable(clock.instant(), attempts.notSentBecause);
                return new RouterResult.NotSent<>(attempts.notSentBecause, Duration.ZERO);
            }
            String message = "The connection to the router broke before its answer arrived.";
            health.unreachable(clock.instant(), message);
            return new RouterResult.Lost<>(message);
        } catch (Throwable e) {
            LOG.warn("A call to the router failed unexpectedly: {} {}", method, pathAndQuery, e);
            String message = "The call to the router failed unexpectedly; the console's log has the details.";
            health.unreachable(clock.instant(), message);
            return attempts.made == 0 ? new RouterResult.NotSent<>(message, Duration.ZERO)
                    : new RouterResult.Lost<>(message);
        }
        return answers.interpret(answer, reader);
    }

    /**
     * Opens no more connections, and lets the calls in flight finish: for a client replaced by one with new
     * settings. Its idle connections end when the router or java.net.http closes them.
     */
    public void retire() {
        if (tunnel != null) {
            tunnel.stopAccepting();
        }
    }

    /** Ends the tunnel's connections, calls in flight included: the client is not used again. */
    @Override
    public void close() {
        if (tunnel != null) {
            tunnel.close();
        }
    }

    /** The tunnel https connections go through, for tests. */
    Optional<RouterTunnel> tunnel() {
        return Optional.ofNullable(tunnel);
    }

    private RouterAnswer attempt(String method, String pathAndQuery, byte[] body, String idempotencyKey)
            throws IOException, InterruptedException {
        byte[] payload = body == null ? new byte[0] : body;
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery))
                .timeout(policy.readTimeout())
                .header("Accept", JSON + ", application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        // Signed afresh on every attempt, so that a retry never carries a stale timestamp.
        signer.headers(method, basePath() + pathAndQuery, payload, clock.instant()).forEach(request::header);
        LimitedBody.Handler answerBody = LimitedBody.handler(policy.maxAnswerBytes());
        try (Deadline deadline = Deadline.start(policy.readTimeout())) {
            try {
                HttpResponse<byte[]> response = http.send(request.build(), answerBody);
                return new RouterAnswer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                // java.net.http wraps what the body's handler failed with or, over HTTP/2, may report only the
                // stream that the handler's refusal cancelled.
                TooLarge refused = answerBody.refusal();
                if (refused != null) {
                    throw refused;
                }
                throw deadline.passed() ? timedOut() : e;
            } catch (InterruptedException e) {
                if (deadline.passed()) {
                    throw timedOut();
                }
                throw e;
            }
        }
    }

    private HttpTimeoutException timedOut() {
        return new HttpTimeoutException("no answer within " + policy.readTimeout().toSeconds() + " seconds");
    }

    private URI resolve(String pathAndQuery) {
        return URI.create(trimSlash(settings.baseUrl().toString()) + pathAndQuery);
    }

    private String basePath() {
        String path = settings.baseUrl().getRawPath();
        return path == null ? "" : trimSlash(path);
    }

    private static String trimSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private RetryConfig retryConfig(int attempts) {
        return RetryConfig.custom()
                .maxAttempts(attempts)
                .retryOnException(e -> e instanceof IOException && !(e instanceof TooLarge))
                .retryOnResult(result -> result instanceof RouterAnswer answer && retryable(answer.status())
                        && answers.retryAfter(answer).orElse(Duration.ZERO).compareTo(policy.maxBackoff()) <= 0)
                .intervalBiFunction((attempt, either) -> {
                    if (either.isRight() && either.get() instanceof RouterAnswer answer) {
                        Duration asked = answers.retryAfter(answer).orElse(null);
                        if (asked != null) {
                            return Math.max(1, asked.toMillis());
                        }
                    }
                    return backoff(attempt);
                })
                .failAfterMaxAttempts(false)
                .build();
    }

    /** Full jitter: a random wait up to the capped exponential step, so that many consoles spread out. */
    long backoff(int attempt) {
        long cap = policy.maxBackoff().toMillis();
        long step = policy.firstBackoff().toMillis() << Math.min(20, Math.max(0, attempt - 1));
        return 1 + random.nextLong(Math.max(1, Math.min(cap, step)));
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean failed(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
