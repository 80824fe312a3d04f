package org.nre.hostkit.metrics;

import java.util.function.DoubleSupplier;
import org.nre.hostapi.metrics.Counter;
import org.nre.hostapi.metrics.Metrics;
import org.nre.hostapi.metrics.Timer;
import org.nre.hostkit.HostKitException;

/** The console's metrics and each plugin's. */
public final class ConsoleMetrics {

    /** The metrics of one plugin. */
    public Metrics forPlugin(String pluginId) {
        return new Metrics() {
            @Override
            public Counter counter(String name, String description, String... tags) {
                throw new HostKitException("Metrics are not kept yet");
            }

            @Override
            public Timer timer(String name, String description, String... tags) {
                throw new HostKitException("Metrics are not kept yet");
            }

            @Override
            public void gauge(String name, String description, DoubleSupplier value, String... tags) {
                throw new HostKitException("Metrics are not kept yet");
            }
        };
    }
}
