package org.nre.hostapi.health;

import java.util.Map;
import java.util.Objects;
import org.nre.hostapi.Fields;

/**
 * What a health check found.
 *
 * @param healthy whether what it checks works
 * @param message one line for the operator: what was found and, when it fails, what to look at (plain text)
 * @param details a few plain facts (such as {@code lastContact}), shown with the details of the console's health
 */
public record HealthResult(boolean healthy, String message, Map<String, String> details) {

    /** Checks the fields. */
    public HealthResult {
        message = Fields.orEmpty(message);
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }

    /**
     * A check that passed.
     *
     * @param message what was found
     * @return the result
     */
    public static HealthResult up(String message) {
        return new HealthResult(true, message, Map.of());
    }

    /**
     * A check that failed.
     *
     * @param message what was found and what to look at
     * @return the result
     */
    public static HealthResult down(String message) {
        return new HealthResult(false, message, Map.of());
    }

    /**
     * The same result with facts.
     *
     * @param facts plain facts by name
     * @return a copy
     */
    public HealthResult withDetails(Map<String, String> facts) {
        return new HealthResult(healthy, message, facts);
    }
}
