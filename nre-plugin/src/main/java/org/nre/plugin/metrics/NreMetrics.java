package org.nre.plugin.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nre.hostapi.metrics.Metrics;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.router.RouterCalls;
import org.nre.plugin.router.RouterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the plugin records through the console's metrics: router calls by operation and outcome and their duration,
 * status poller runs by outcome, and the district's registration by state. Recording never fails what it records:
 * a console that refuses a meter is logged once.
 */
public final class NreMetrics implements RouterCalls {

    public static final String ROUTER_CALLS = "nre.router.calls";
    public static final String ROUTER_CALL_DURATION = "nre.router.call.duration";
    public static final String POLLER_RUNS = "nre.poller.runs";
    public static final String REGISTRATIONS = "nre.registrations";

    /** How a status poller run ended. */
    public enum PollerOutcome {
        /** The terms and the registration's status were fetched. */
        SUCCESS,
        /** The router failed one of them. */
        FAILURE,
        /** Nothing was asked: the router is not configured. */
        SKIPPED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NreMetrics.class);

    private final Metrics metrics;
    private final AtomicBoolean refusedLogged = new AtomicBoolean();

    public NreMetrics(Metrics metrics) {
        this.metrics = metrics;
    }

    /** Publishes one gauge per state, each read from the counts (which read the database at most every so often). */
    public void publish(RegistrationCounts counts) {
        guarded(() -> {
            for (RegistrationState state : RegistrationState.values()) {
                metrics.gauge(REGISTRATIONS, "The district's registrations in each state (its current one, or "
                        + "not_registered when it has none)", () -> counts.count(state), "state", tag(state));
            }
        });
    }

    @Override
    public void called(Operation operation, RouterResult<?> result, Duration took) {
        String outcome = RouterCalls.outcome(result);
        guarded(() -> {
            metrics.counter(ROUTER_CALLS, "Calls to the router by operation and outcome", "operation",
                    operation.tag(), "outcome", outcome).increment();
            metrics.timer(ROUTER_CALL_DURATION, "How long calls to the router took, retries included", "operation",
                    operation.tag(), "outcome", outcome).record(took);
        });
    }

    /** Counts one run of the status poller. */
    public void pollerRan(PollerOutcome outcome) {
        guarded(() -> metrics.counter(POLLER_RUNS, "Runs of the status poller by outcome", "outcome", outcome.tag())
                .increment());
    }

    static String tag(RegistrationState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private void guarded(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            if (refusedLogged.compareAndSet(false, true)) {
                LOG.warn("The console refused the NRE plugin's metrics; they are not recorded: {}", e.getMessage());
            }
        }
    }
}
