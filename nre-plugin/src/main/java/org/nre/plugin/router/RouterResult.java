package org.nre.plugin.router;

import java.time.Duration;

/**
 * How a call to the router ended, told apart by what the router may have done: nothing ({@link NotSent},
 * {@link Unavailable}, {@link Refused}, {@link NotFound}), what it said ({@link Ok}, {@link Conflict}), or
 * perhaps something ({@link Lost}, {@link Malformed}). Only {@link Ok} carries a value.
 */
public sealed interface RouterResult<T> {

    /** A message in plain words that a person can act on. */
    String message();

    /** The router answered as hoped. */
    record Ok<T>(T value) implements RouterResult<T> {
        @Override
        public String message() {
            return "The router answered.";
        }
    }

    /** The district already has a live registration at the router; it comes with the answer. */
    record Conflict<T>(RouterRegistration existing, String message) implements RouterResult<T> {
    }

    /** The router has no such thing. */
    record NotFound<T>(String message) implements RouterResult<T> {
    }

    /** The router refused the request and will refuse it again as it is (4xx): nothing was done. */
    record Refused<T>(int status, String message) implements RouterResult<T> {
    }

    /**
     * No byte of the request left the console: the router could not be reached (the connection was refused,
     * its address was not found, connecting timed out) or the circuit breaker is open. Nothing was done.
     *
     * @param message why, in plain words
     * @param retryAfter how long to wait before trying again, zero when unknown
     */
    record NotSent<T>(String message, Duration retryAfter) implements RouterResult<T> {
    }

    /** The router received the request but would not take it now (429, 503, 408): nothing was done. */
    record Unavailable<T>(String message, Duration retryAfter) implements RouterResult<T> {
    }

    /** The request may have reached the router, but its answer was lost (a timeout, a broken connection, 5xx). */
    record Lost<T>(String message) implements RouterResult<T> {
    }

    /** The router answered, but not in a way the contract allows: too large, not JSON, missing or wrong fields. */
    record Malformed<T>(String message) implements RouterResult<T> {
    }

    /** Whether the router certainly did nothing with the request. */
    default boolean nothingDone() {
        return this instanceof NotSent || this instanceof Unavailable || this instanceof Refused
                || this instanceof NotFound;
    }

    /** Whether the request may have reached the router and been acted on, though its answer is not known. */
    default boolean uncertain() {
        return this instanceof Lost || this instanceof Malformed;
    }
}
