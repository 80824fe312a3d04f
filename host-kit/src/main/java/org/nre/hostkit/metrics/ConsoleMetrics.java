package org.nre.hostkit.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.metrics.Counter;
import org.nre.hostapi.metrics.Metrics;
import org.nre.hostapi.metrics.Timer;
import org.nre.hostkit.plugins.PluginStatus;
import org.pf4j.PluginState;

/**
 * The console's metrics and each plugin's, in one Micrometer registry written for Prometheus: the JVM's (memory,
 * garbage collection, threads, classes, processor, uptime), the console's own (through {@link #registry()}), the
 * plugins' states, and what each plugin records through host-api under its id. A plugin's meters go when it stops.
 */
public final class ConsoleMetrics implements AutoCloseable {

    /** The console's gauge of plugins by state. */
    public static final String PLUGIN_STATES = "console.plugins";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmGcMetrics gc;
    private final MeterShapes shapes = new MeterShapes();
    private final Map<MeterKey, Registered> meters = new ConcurrentHashMap<>();
    private final Map<String, Set<MeterKey>> byPlugin = new ConcurrentHashMap<>();

    /**
     * What a plugin was given, and the meter behind it. A plugin may keep a counter or a timer across a stop and a
     * start (in its main class, say): once its meters are forgotten, what it kept registers them anew when used.
     */
    private static final class Registered {
        private Object given;
        private Meter meter;
        private volatile boolean forgotten;
    }

    /**
     * An empty registry. The JVM's meters are bound at the first scrape: they read the JVM's management beans, and
     * loading those (some 250 classes) at start would lengthen every start (docs/performance.md).
     */
    public ConsoleMetrics() {
    }

    private synchronized void bindJvm() {
        if (gc != null) {
            return;
        }
        gc = new JvmGcMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The registry, for the console's own meters (HTTP requests, the database pool, sign-ins). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter in Prometheus' text format (version 0.0.4). */
    public String scrape() {
        bindJvm();
        return registry.scrape();
    }

    /**
     * Meters the number of plugins in each state ({@code console.plugins{state=STARTED}}, ...), read when scraped.
     *
     * @param states the state of every plugin the console knows of, as {@link PluginStatus#state()} gives it
     */
    public void pluginStates(Supplier<List<String>> states) {
        List<String> known = new ArrayList<>();
        for (PluginState state : PluginState.values()) {
            known.add(state.toString());
        }
        known.add(PluginStatus.REFUSED);
        for (String state : known) {
            Gauge.builder(PLUGIN_STATES, () -> count(states, state))
                    .description("Plugins the console knows of, by state").tag("state", state).strongReference(true)
                    .register(registry);
        }
    }

    private static double count(Supplier<List<String>> states, String state) {
        try {
            return states.get().stream().filter(state::equals).count();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The metrics of one plugin, each name under its id. */
    public Metrics forPlugin(String pluginId) {
        return new PluginMetrics(pluginId);
    }

    /** Removes a plugin's meters, when it stops: a plugin started again registers its own anew. */
    public void forget(String pluginId) {
        Set<MeterKey> keys = byPlugin.remove(pluginId);
        if (keys == null) {
            return;
        }
        synchronized (this) {
            for (MeterKey key : keys) {
                Registered registered = meters.remove(key);
                if (registered != null) {
                    registered.forgotten = true;
                    registry.remove(registered.meter);
                }
            }
            shapes.forget(pluginId);
        }
    }

    /** Stops the garbage collection listener and closes the registry. */
    @Override
    public synchronized void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    private Registered meter(String pluginId, MeterType type, String name, String[] tags,
                             Function<Tags, Meter> create, Function<Registered, Object> given) {
        if (tags == null) {
            throw new HostApiException("The tags of the metric '" + name + "' cannot be null: pass none, or name "
                    + "and value pairs");
        }
        MeterKey key = MeterKey.of(type, name, tags);
        Registered found = meters.get(key);
        if (found == null) {
            synchronized (this) {
                shapes.check(pluginId, type, name, tags);
                found = meters.get(key);
                if (found == null) {
                    found = new Registered();
                    try {
                        found.meter = create.apply(Tags.of(tags));
                    } catch (IllegalArgumentException e) {
                        // The registry refuses what the shapes cannot see, such as a name a console meter took.
                        throw new HostApiException("The metric '" + name + "' cannot be registered: "
                                + e.getMessage(), e);
                    }
                    found.given = given.apply(found);
                    meters.put(key, found);
                    byPlugin.computeIfAbsent(pluginId, id -> ConcurrentHashMap.newKeySet()).add(key);
                }
            }
        }
        return found;
    }

    private final class PluginMetrics implements Metrics {

        private final String pluginId;

        PluginMetrics(String pluginId) {
            this.pluginId = pluginId;
        }

        @Override
        public Counter counter(String name, String description, String... tags) {
            return (Counter) counterOf(name, description, tags).given;
        }

        private Registered counterOf(String name, String description, String[] tags) {
            String[] kept = tags == null ? null : tags.clone();
            return meter(pluginId, MeterType.COUNTER, name, tags, pairs -> io.micrometer.core.instrument.Counter
                    .builder(name).description(description).tags(pairs).register(registry), self -> (Counter) () -> {
                        Meter meter = self.forgotten ? counterOf(name, description, kept).meter : self.meter;
                        ((io.micrometer.core.instrument.Counter) meter).increment();
                    });
        }

        @Override
        public Timer timer(String name, String description, String... tags) {
            return (Timer) timerOf(name, description, tags).given;
        }

        private Registered timerOf(String name, String description, String[] tags) {
            String[] kept = tags == null ? null : tags.clone();
            return meter(pluginId, MeterType.TIMER, name, tags, pairs -> io.micrometer.core.instrument.Timer
                    .builder(name).description(description).tags(pairs).register(registry), self -> (Timer) duration -> {
                        if (duration == null || duration.isNegative()) {
                            throw new HostApiException("The timer '" + name + "' records a duration that is not "
                                    + "negative; got " + duration);
                        }
                        Meter meter = self.forgotten ? timerOf(name, description, kept).meter : self.meter;
                        ((io.micrometer.core.instrument.Timer) meter).record(duration);
                    });
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, String... tags) {
            if (value == null) {
                throw new HostApiException("The gauge '" + name + "' needs a function that reads its value");
            }
            GaugeValue made = new GaugeValue(pluginId, name);
            GaugeValue gauge = (GaugeValue) meter(pluginId, MeterType.GAUGE, name, tags, pairs -> Gauge
                    .builder(name, made, GaugeValue::read).description(description).tags(pairs)
                    .strongReference(true).register(registry), self -> made).given;
            gauge.replace(value);
        }
    }
}
