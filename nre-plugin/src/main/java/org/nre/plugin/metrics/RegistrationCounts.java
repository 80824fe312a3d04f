package org.nre.plugin.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many of the console's districts have their current registration in each state (a console serves one, so each
 * count is 0 or 1), for gauges that metrics scrapes read often: read from the database at most once every
 * {@link #FRESH_FOR}, and at once after a change on this node.
 */
public final class RegistrationCounts {

    /** How long a read stays good; another node's change shows within it. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationCounts.class);

    private final Supplier<Optional<Registration>> current;
    private final Clock clock;
    private volatile Map<RegistrationState, Integer> counts;
    private volatile Instant readAt;

    /**
     * Counts from the district's current registration.
     *
     * @param current reads the district's current registration, empty when it has none (or there is no district)
     * @param clock when a read goes stale
     */
    public RegistrationCounts(Supplier<Optional<Registration>> current, Clock clock) {
        this.current = current;
        this.clock = clock;
    }

    /** The count for a state. */
    public double count(RegistrationState state) {
        return fresh().getOrDefault(state, 0);
    }

    /** Reads again at the next count: a registration changed. */
    public void changed() {
        readAt = null;
    }

    private synchronized Map<RegistrationState, Integer> fresh() {
        Instant now = clock.instant();
        Instant read = readAt;
        if (counts != null && read != null && now.isBefore(read.plus(FRESH_FOR))) {
            return counts;
        }
        try {
            Map<RegistrationState, Integer> next = new EnumMap<>(RegistrationState.class);
            next.put(current.get().map(Registration::state).orElse(RegistrationState.NOT_REGISTERED), 1);
            counts = next;
        } catch (RuntimeException e) {
            // A gauge must not fail: the last counts stand until the database answers.
            LOG.warn("Reading the NRE registrations for the metrics failed: {}", e.toString());
            if (counts == null) {
                counts = Map.of();
            }
        }
        readAt = now;
        return counts;
    }
}
