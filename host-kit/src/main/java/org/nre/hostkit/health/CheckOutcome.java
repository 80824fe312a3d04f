package org.nre.hostkit.health;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What one contributed health check found, as the console reports it.
 *
 * @param name the plugin's id, a dot and the check's name ({@code nre.router})
 * @param healthy whether it passed in time
 * @param message one line for the operator, the plugin's or the console's (when it failed, overran or threw)
 * @param details the plugin's plain facts, for administrators and monitors only
 * @param took how long it ran, or the time limit when it overran
 */
public record CheckOutcome(String name, boolean healthy, String message, Map<String, String> details,
                           Duration took) {

    public CheckOutcome {
        Objects.requireNonNull(name, "name");
        message = message == null ? "" : message;
        details = Map.copyOf(details);
        Objects.requireNonNull(took, "took");
    }
}
