package org.nre.plugin.router;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The router's client: signed requests over java.net.http, with timeouts, retries only where they are safe
 * (network errors, 408, 429, 5xx; the same idempotency key on every attempt), capped and jittered exponential
 * backoff that honours Retry-After, a circuit breaker, and a bound on the answer's size. Every outcome is a
 * {@link RouterResult}; nothing is thrown for the router's faults.
 */
public final class RouterClient {

    /** Whether a person is waiting for the call, which sets how many attempts it gets. */
    public enum Urgency { INTERACTIVE, BACKGROUND }

    /** Told of every call's outcome, so that the panel can show whether the router is reachable. */
    public interface Health {
        void reached(Instant at);

        void unreachable(Instant at, String message);
    }

    static final String JSON = "application/json";

    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

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
    private final RequestSigner signer;
    private final HttpClient http;
    private final CircuitBreaker circuit;
    private final Retry interactive;
    private final Retry background;

    public RouterClient(RouterSettings settings, RouterPolicy policy, Clock clock, RandomGenerator random,
                        Health health) {
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.health = health;
        this.signer = new RequestSigner(settings.districtKey(), settings.sharedSecret());
        this.http = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.circuit = CircuitBreaker.of("nre-router", CircuitBreakerConfig.custom()
                .slidingWindowSize(policy.circuitWindow())
                .minimumNumberOfCalls(policy.circuitMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(policy.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(e -> e instanceof IOException)
                .recordResult(result -> result instanceof Answer answer && failed(answer.status()))
                .clock(clock)
                .build());
        this.interactive = Retry.of("nre-router-interactive", retryConfig(policy.interactiveAttempts()));
        this.background = Retry.of("nre-router-background", retryConfig(policy.backgroundAttempts()));
    }

    public RouterResult<RouterTerms> currentTerms(Urgency urgency) {
        return call("GET", "/v1/terms/current", null, null, urgency, answer -> RouterJson.terms(
                RouterJson.object(answer.body())));
    }

    /** Sends a registration; retries reuse the idempotency key, so the router creates at most one. */
    public RouterResult<RouterRegistration> register(Map<String, ?> request, String idempotencyKey) {
        return call("POST", "/v1/registrations", RouterJson.write(request), idempotencyKey, Urgency.INTERACTIVE,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> registration(String id, Urgency urgency) {
        return call("GET", "/v1/registrations/" + encode(id), null, null, urgency,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    /** The district's registrations at the router, newest first: settles an answer that was lost. */
    public RouterResult<List<RouterRegistration>> registrationsOf(String districtId, Urgency urgency) {
        return call("GET", "/v1/registrations?districtId=" + encode(districtId), null, null, urgency,
                answer -> RouterJson.registrations(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> acceptTerms(String id, Map<String, ?> acceptance, String idempotencyKey,
                                                        Urgency urgency) {
        return call("POST", "/v1/registrations/" + encode(id) + "/terms-acceptances", RouterJson.write(acceptance),
                idempotencyKey, urgency, answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> putLocality(String id, Map<String, ?> locality, Urgency urgency) {
        return call("PUT", "/v1/registrations/" + encode(id) + "/locality", RouterJson.write(locality), null, urgency,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    public RouterResult<RouterRegistration> deregister(String id) {
        return call("DELETE", "/v1/registrations/" + encode(id), null, null, Urgency.INTERACTIVE,
                answer -> RouterJson.registration(RouterJson.object(answer.body())));
    }

    /** Whether the circuit breaker lets calls through now. */
    public boolean circuitClosed() {
        return circuit.getState() != CircuitBreaker.State.OPEN && circuit.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(Answer answer) throws RouterJson.Malformed;
    }

    private <T> RouterResult<T> call(String method, String pathAndQuery, byte[] body, String idempotencyKey,
                                     Urgency urgency, Reader<T> reader) {
        String[] lastFailure = new String[1];
        int[] attempts = new int[1];
        CheckedSupplier<Answer> attempt = CircuitBreaker.decorateCheckedSupplier(circuit, () -> {
            attempts[0]++;
            try {
                return attempt(method, pathAndQuery, body, idempotencyKey);
            } catch (IOException e) {
                lastFailure[0] = reason(e);
                throw e;
            }
        });
        Retry retry = urgency == Urgency.INTERACTIVE ? interactive : background;
        Answer answer;
        try {
            answer = Retry.decorateCheckedSupplier(retry, attempt).get();
        } catch (CallNotPermittedException e) {
            String message = "The router has failed repeatedly, so the console has stopped calling it for up to "
                    + policy.circuitOpenFor().toSeconds() + " seconds.";
            // The circuit may have opened during this very call: the router is unreachable either way.
            health.unreachable(clock.instant(), lastFailure[0] == null ? message
                    : "The connection to the router failed (" + lastFailure[0] + ").");
            if (attempts[0] > 0) {
                // An earlier attempt of this call may have reached the router before the circuit opened.
                return new RouterResult.Lost<>(message + " An earlier attempt may have reached it.");
            }
            return new RouterResult.Unavailable<>(message + " Nothing more was sent; try again later.",
                    policy.circuitOpenFor());
        } catch (TooLarge e) {
            health.reached(clock.instant());
            return new RouterResult.Malformed<>("The router's answer was larger than "
                    + policy.maxAnswerBytes() / 1024 + " KiB, which the contract does not allow; it was not read.");
        } catch (ConnectException | UnresolvedAddressException | HttpConnectTimeoutException e) {
            return unreachable("The router at " + settings.baseUrl() + " cannot be reached (" + reason(e)
                    + "). Nothing was sent; try again later.");
        } catch (HttpTimeoutException e) {
            String message = "The router did not answer within " + policy.readTimeout().toSeconds() + " seconds.";
            health.unreachable(clock.instant(), message);
            return new RouterResult.Lost<>(message);
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException) {
                return unreachable("The router at " + settings.baseUrl() + " cannot be reached (" + reason(e.getCause())
                        + "). Nothing was sent; try again later.");
            }
            String message = "The connection to the router broke before its answer arrived (" + reason(e) + ").";
            health.unreachable(clock.instant(), message);
            return new RouterResult.Lost<>(message);
        } catch (Throwable e) {
            String message = "The call to the router failed (" + reason(e) + ").";
            health.unreachable(clock.instant(), message);
            return new RouterResult.Lost<>(message);
        }
        return interpret(answer, reader);
    }

    private <T> RouterResult<T> unreachable(String message) {
        health.unreachable(clock.instant(), message);
        return new RouterResult.Unavailable<>(message, Duration.ZERO);
    }

    private <T> RouterResult<T> interpret(Answer answer, Reader<T> reader) {
        int status = answer.status();
        Instant now = clock.instant();
        if (status >= 200 && status < 300) {
            health.reached(now);
            try {
                return new RouterResult.Ok<>(reader.read(answer));
            } catch (RouterJson.Malformed e) {
                return new RouterResult.Malformed<>("The router's answer could not be used: " + e.getMessage() + ".");
            }
        }
        String detail = RouterJson.problemText(answer.body());
        String said = detail.isEmpty() ? "" : " The router said: " + detail;
        if (status == 429 || status == 503 || status == 408) {
            Duration wait = retryAfter(answer).orElse(Duration.ZERO);
            String message = (status == 429 ? "The router is refusing calls for now (too many requests)."
                    : "The router is unavailable for now (" + status + ").")
                    + (wait.isZero() ? "" : " It asked to wait " + wait.toSeconds() + " seconds.") + said;
            health.unreachable(now, message);
            return new RouterResult.Unavailable<>(message, wait);
        }
        if (status >= 500) {
            String message = "The router failed (" + status + ") and may or may not have acted on the request." + said;
            health.unreachable(now, message);
            return new RouterResult.Lost<>(message);
        }
        health.reached(now);
        if (status == 404) {
            return new RouterResult.NotFound<>("The router has no record of it." + said);
        }
        if (status == 409) {
            try {
                var existing = RouterJson.member(RouterJson.object(answer.body()), "registration");
                if (existing != null) {
                    return new RouterResult.Conflict<>(RouterJson.registration(existing),
                            "The router already holds a registration for the district." + said);
                }
            } catch (RouterJson.Malformed e) {
                return new RouterResult.Malformed<>("The router's conflict answer could not be used: " + e.getMessage()
                        + ".");
            }
            return new RouterResult.Refused<>(status, "The router refused the request as conflicting." + said);
        }
        if (status == 401 || status == 403) {
            return new RouterResult.Refused<>(status, "The router refused the console's signed request (" + status
                    + "). Check the district key and shared secret in the NRE settings, and that this server's "
                    + "clock is right." + said);
        }
        if (status >= 400) {
            return new RouterResult.Refused<>(status, "The router refused the request (" + status + ")." + said);
        }
        return new RouterResult.Malformed<>("The router answered with status " + status
                + ", which the contract does not allow.");
    }

    private Answer attempt(String method, String pathAndQuery, byte[] body, String idempotencyKey)
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
                return new Answer(response.statusCode(), response.headers(), response.body());
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
                .retryOnResult(result -> result instanceof Answer answer && retryable(answer.status())
                        && retryAfter(answer).orElse(Duration.ZERO).compareTo(policy.maxBackoff()) <= 0)
                .intervalBiFunction((attempt, either) -> {
                    if (either.isRight() && either.get() instanceof Answer answer) {
                        Duration asked = retryAfter(answer).orElse(null);
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

    private java.util.Optional<Duration> retryAfter(Answer answer) {
        return answer.headers().firstValue("Retry-After").flatMap(value -> {
            String text = value.strip();
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException unreadable) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static boolean failed(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
