package org.nre.plugin.router;

import java.time.Duration;

/**
 * How patient the client is: timeouts, retries with capped and jittered exponential backoff, the circuit
 * breaker, and the largest answer it reads. {@link #DEFAULT} holds the values docs/router-api.md lists.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a whole answer
 * @param interactiveAttempts attempts for a call a person waits for
 * @param backgroundAttempts attempts for a call the status poller makes
 * @param firstBackoff the wait before the second attempt, doubled for each further one
 * @param maxBackoff the longest wait between attempts; a longer Retry-After ends the call
 * @param circuitWindow how many recent calls the circuit breaker weighs
 * @param circuitMinimumCalls how many calls it needs before it may open
 * @param circuitOpenFor how long it stays open before letting trial calls through
 * @param maxAnswerBytes the largest answer read
 * @param maxCallsAtOnce how many calls one console node makes to the router at the same time; more are refused
 *                       at once, so that a slow router holds at most this many of the console's threads
 */
public record RouterPolicy(Duration connectTimeout, Duration readTimeout, int interactiveAttempts,
                           int backgroundAttempts, Duration firstBackoff, Duration maxBackoff, int circuitWindow,
                           int circuitMinimumCalls, Duration circuitOpenFor, int maxAnswerBytes, int maxCallsAtOnce) {

    public static final int DEFAULT_CALLS_AT_ONCE = 8;

    public static final RouterPolicy DEFAULT = new RouterPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 4,
            Duration.ofMillis(500), Duration.ofSeconds(8), 10, 5, Duration.ofSeconds(60), 256 * 1024,
            DEFAULT_CALLS_AT_ONCE);

    /** A policy with the default bound on calls at once. */
    public RouterPolicy(Duration connectTimeout, Duration readTimeout, int interactiveAttempts,
                        int backgroundAttempts, Duration firstBackoff, Duration maxBackoff, int circuitWindow,
                        int circuitMinimumCalls, Duration circuitOpenFor, int maxAnswerBytes) {
        this(connectTimeout, readTimeout, interactiveAttempts, backgroundAttempts, firstBackoff, maxBackoff,
                circuitWindow, circuitMinimumCalls, circuitOpenFor, maxAnswerBytes, DEFAULT_CALLS_AT_ONCE);
    }

    public RouterPolicy {
        if (interactiveAttempts < 1 || backgroundAttempts < 1) {
            throw new IllegalArgumentException("Attempts must be at least 1");
        }
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes must be at least 1024");
        }
        if (maxCallsAtOnce < 1) {
            throw new IllegalArgumentException("maxCallsAtOnce must be at least 1");
        }
    }
}
