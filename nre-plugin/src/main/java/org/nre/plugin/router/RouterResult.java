package org.nre.plugin.router;

import java.time.Duration;

/** How a call to the router ended. Only {@link Ok} carries a value. */
public sealed interface RouterResult<T> {

    /** A message a person can act on. */
    String message();

    /** The router answered as hoped. */
    record Ok<T>(T value) implements RouterResult<T> {
        @Override
        public String message() {
            return "The router answered.";
        }
    }

    /** The district already has a registration at the router; it comes with the answer. */
    record Conflict<T>(RouterRegistration existing, String message) implements RouterResult<T> {
    }

    /** The router has no such thing. */
    record NotFound<T>(String message) implements RouterResult<T> {
    }

    /** The router refused the request and will refuse it again as it is (4xx): nothing was done. */
    record Refused<T>(int status, String message) implements RouterResult<T> {
    }

    /**
     * The router could not take the request now and did not act on it: it was not reachable, the circuit is
     * open, or it answered 429 or 503.
     */
    record Unavailable<T>(String message, Duration retryAfter) implements RouterResult<T> {
    }

    /** The request may have reached the router, but its answer was lost (a timeout, a broken connection, 5xx). */
    record Lost<T>(String message) implements RouterResult<T> {
    }

    /** The router answered, but not in a way the contract allows: too large, not JSON, missing or wrong fields. */
    record Malformed<T>(String message) implements RouterResult<T> {
    }
}
