package org.nre.plugin.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nre.hostapi.health.HealthResult;
import org.nre.plugin.settings.NreSettings;

/**
 * The router's health as the plugin already knows it, without calling it: unhealthy once the router has failed to
 * answer for longer than the operator's {@link NreSettings#UNREACHABLE_AFTER}, the same moment the console raises
 * its notice. A single failed call within that time is reported but healthy, so that a blip does not mark the
 * console degraded.
 */
public final class RouterReachability {

    private final RouterHealthStore health;
    private final NreSettings settings;
    private final Clock clock;

    public RouterReachability(RouterHealthStore health, NreSettings settings, Clock clock) {
        this.health = health;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the router has been unreachable for longer than allowed, at {@code now}. */
    public static boolean overdue(RouterHealth known, Duration allowed, Instant now) {
        return !known.reachable() && Duration.between(known.unreachableSince(), now).compareTo(allowed) >= 0;
    }

    public HealthResult check() {
        if (!settings.configured()) {
            return HealthResult.up("The router is not configured; there is nothing to reach.")
                    .withDetails(Map.of("configured", "false"));
        }
        RouterHealth known = health.read();
        Duration allowed = settings.unreachableAfter();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("lastContact", known.lastContact() == null ? "never" : known.lastContact().toString());
        details.put("unreachableAfter", allowed.toString());
        if (known.reachable()) {
            return HealthResult.up(known.lastContact() == null ? "No call to the router yet."
                    : "The router answered the last call, at " + known.lastContact() + ".").withDetails(details);
        }
        details.put("unreachableSince", known.unreachableSince().toString());
        details.put("lastFailure", known.lastError());
        Instant now = clock.instant();
        long minutes = Duration.between(known.unreachableSince(), now).toMinutes();
        if (overdue(known, allowed, now)) {
            return HealthResult.down("The router has not answered since " + known.unreachableSince() + " ("
                    + minutes + " minutes, longer than the " + allowed.toMinutes() + " allowed): "
                    + known.lastError()).withDetails(details);
        }
        return HealthResult.up("The router failed to answer since " + known.unreachableSince() + " (" + minutes
                + " minutes, within the " + allowed.toMinutes() + " allowed): " + known.lastError())
                .withDetails(details);
    }
}
