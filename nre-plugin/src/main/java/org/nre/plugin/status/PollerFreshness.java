package org.nre.plugin.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.hostapi.health.HealthResult;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.settings.NreSettings;

/**
 * The status poller's health: while there is a registration to follow (one the router holds, or one whose answer
 * was lost), its last successful run must be no older than {@link #INTERVALS_ALLOWED} poll intervals. It reads
 * the runs every node records, since the poller runs on one node at a time.
 */
public final class PollerFreshness {

    /** How many poll intervals may pass without a successful run. */
    public static final int INTERVALS_ALLOWED = 3;

    private final PollerRuns runs;
    private final NreSettings settings;
    private final Supplier<Optional<Registration>> current;
    private final Clock clock;
    private final Instant startedAt;

    /**
     * The check.
     *
     * @param runs the poller's recorded runs
     * @param settings the poll interval
     * @param current the district's current registration
     * @param clock now
     */
    public PollerFreshness(PollerRuns runs, NreSettings settings, Supplier<Optional<Registration>> current,
                           Clock clock) {
        this.runs = runs;
        this.settings = settings;
        this.current = current;
        this.clock = clock;
        // Before any run was recorded, the poller gets its allowance from the plugin's start.
        this.startedAt = clock.instant();
    }

    public HealthResult check() {
        PollerRuns.Last last = runs.read();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("lastRun", last.lastRun() == null ? "never" : last.lastRun().toString());
        details.put("lastOutcome", last.lastOutcome().isEmpty() ? "none" : last.lastOutcome());
        details.put("lastSuccess", last.lastSuccess() == null ? "never" : last.lastSuccess().toString());
        Optional<Registration> registration = current.get();
        boolean following = registration.filter(r -> r.followed() || r.state() == RegistrationState.UNKNOWN)
                .isPresent();
        if (!following) {
            return HealthResult.up("Nothing to follow: the district has no registration the router holds.")
                    .withDetails(details);
        }
        Duration allowed = settings.pollInterval().multipliedBy(INTERVALS_ALLOWED);
        details.put("allowed", allowed.toString());
        Instant since = last.lastSuccess() != null ? last.lastSuccess() : startedAt;
        Instant now = clock.instant();
        if (Duration.between(since, now).compareTo(allowed) > 0) {
            return HealthResult.down("The status poller has not succeeded since " + (last.lastSuccess() == null
                    ? "the plugin started, at " + startedAt : last.lastSuccess()) + ", more than "
                    + INTERVALS_ALLOWED + " poll intervals (" + allowed.toSeconds() + " seconds); its last run "
                    + (last.lastRun() == null ? "has not happened yet." : "at " + last.lastRun() + " ended "
                    + last.lastOutcome() + ".")).withDetails(details);
        }
        return HealthResult.up(last.lastSuccess() == null ? "The status poller has not run yet since the plugin "
                + "started." : "The status poller last succeeded at " + last.lastSuccess() + ".").withDetails(details);
    }
}
