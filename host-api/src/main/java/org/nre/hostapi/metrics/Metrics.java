package org.nre.hostapi.metrics;

import java.util.function.DoubleSupplier;

/**
 * The plugin's metrics. A name is lower case, dotted and starts with the plugin's id and a dot ({@code nre.router.
 * calls}); tags are given as name and value pairs ({@code "outcome", "answered"}), and one name always takes the same
 * tag names. Asking again for the same name and tags gives the same meter, so a plugin may ask each time it records.
 * Keep tag values few (an outcome, a state), never a user, an address or an id.
 */
public interface Metrics {

    /**
     * A counter.
     *
     * @param name the metric's name, under the plugin's id
     * @param description what it counts, for those who read the metrics
     * @param tags name and value pairs
     * @return the counter
     * @throws org.nre.hostapi.HostApiException when the name is not under the plugin's id, or the tags are not
     *     pairs of identifiers and values, or the name was used with other tag names
     */
    Counter counter(String name, String description, String... tags);

    /**
     * A timer.
     *
     * @param name the metric's name, under the plugin's id
     * @param description what it times
     * @param tags name and value pairs
     * @return the timer
     * @throws org.nre.hostapi.HostApiException as for {@link #counter}
     */
    Timer timer(String name, String description, String... tags);

    /**
     * A gauge: a value the console reads when the metrics are read (a number of registrations in a state, say). The
     * function must be quick and must not fail; registering the same name and tags again replaces it.
     *
     * @param name the metric's name, under the plugin's id
     * @param description what it measures
     * @param value reads the current value
     * @param tags name and value pairs
     * @throws org.nre.hostapi.HostApiException as for {@link #counter}
     */
    void gauge(String name, String description, DoubleSupplier value, String... tags);
}
