package org.nre.plugin.router;

import java.time.Duration;
import java.util.Locale;

/** Told of every call the client made to the router and how it ended: for the plugin's metrics. */
@FunctionalInterface
public interface RouterCalls {

    /** Tells nothing. */
    RouterCalls NONE = (operation, result, took) -> { };

    /** What a call asked the router, few enough to tag a metric with. */
    enum Operation {
        TERMS, PROBE, REGISTER, REGISTRATION, LOOKUP, ACCEPT_TERMS, LOCALITY, DEREGISTER;

        /** The operation as a metric's tag value. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A call ended.
     *
     * @param operation what it asked
     * @param result how it ended
     * @param took how long it took, retries included
     */
    void called(Operation operation, RouterResult<?> result, Duration took);

    /**
     * How a call ended, in a few words fit for a metric's tag: {@code answered} (the router answered, a conflict or
     * "not found" included), {@code refused} (it would not take the request, now or as it is), {@code unreachable}
     * (nothing left the console: no connection, or the circuit breaker open), {@code lost} (the request may have
     * reached it but no answer came: a timeout, a broken connection, a 5xx) and {@code bad_answer} (an answer the
     * contract does not allow).
     *
     * @param result the call's result
     * @return the outcome
     */
    static String outcome(RouterResult<?> result) {
        if (result instanceof RouterResult.Ok || result instanceof RouterResult.Conflict
                || result instanceof RouterResult.NotFound) {
            return "answered";
        }
        if (result instanceof RouterResult.Refused || result instanceof RouterResult.Unavailable) {
            return "refused";
        }
        if (result instanceof RouterResult.NotSent) {
            return "unreachable";
        }
        return result instanceof RouterResult.Lost ? "lost" : "bad_answer";
    }
}
