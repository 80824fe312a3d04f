package org.nre.hostkit.metrics;

import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a plugin's gauge reads, replaceable: registering the gauge again swaps the function. A function that throws
 * reads as NaN, so that one plugin's fault never breaks the scrape.
 */
final class GaugeValue {

    private static final Logger LOG = LoggerFactory.getLogger(GaugeValue.class);

    private final String pluginId;
    private final String name;
    private volatile DoubleSupplier value = () -> Double.NaN;
    private volatile boolean failing;

    GaugeValue(String pluginId, String name) {
        this.pluginId = pluginId;
        this.name = name;
    }

    void replace(DoubleSupplier value) {
        this.value = value;
    }

    double read() {
        try {
            double read = value.getAsDouble();
            failing = false;
            return read;
        } catch (RuntimeException | LinkageError e) {
            if (!failing) {
                // Once per run of failures: a scrape every few seconds must not fill the log.
                LOG.warn("The gauge '{}' of plugin '{}' failed to read; it reads as NaN until it answers", name,
                        pluginId, e);
            }
            failing = true;
            return Double.NaN;
        }
    }
}
