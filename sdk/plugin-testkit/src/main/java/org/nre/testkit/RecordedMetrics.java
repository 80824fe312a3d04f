package org.nre.testkit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.List;
import org.nre.hostkit.metrics.ConsoleMetrics;

/**
 * What the plugin recorded through its context's metrics, as a console keeps them. A meter is named as the plugin
 * names it ({@code nre.router.calls}); the tags given pick the meters that carry them, so {@code count("hello.sent")}
 * adds up every outcome and {@code count("hello.sent", "outcome", "refused")} only one. A meter never recorded reads
 * as 0, a gauge never registered as NaN.
 *
 * <pre>{@code
 * assertThat(hello.metrics().count("hello.greetings", "outcome", "sent")).isEqualTo(1.0);
 * }</pre>
 */
public final class RecordedMetrics {

    private final ConsoleMetrics metrics;

    RecordedMetrics(ConsoleMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * A counter's count, added up over the counters with the name that carry the tags.
     *
     * @param name the counter's name
     * @param tags name and value pairs the counters carry
     * @return the count, or 0 when no such counter was registered
     */
    public double count(String name, String... tags) {
        return search(name, tags).counters().stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /**
     * How many durations a timer recorded, added up over the timers with the name that carry the tags.
     *
     * @param name the timer's name
     * @param tags name and value pairs the timers carry
     * @return the number of durations, or 0 when no such timer was registered
     */
    public long timerCount(String name, String... tags) {
        return search(name, tags).timers().stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    /**
     * A gauge's value now (its function is called), as a scrape would read it.
     *
     * @param name the gauge's name
     * @param tags name and value pairs the gauge carries; enough to pick one gauge
     * @return the value, or NaN when no such gauge is registered (or its function failed)
     * @throws AssertionError when the tags fit several gauges
     */
    public double gauge(String name, String... tags) {
        List<Gauge> gauges = List.copyOf(search(name, tags).gauges());
        if (gauges.size() > 1) {
            throw new AssertionError("The tags " + List.of(tags) + " fit " + gauges.size() + " gauges named '" + name
                    + "': give the tags that pick one");
        }
        return gauges.isEmpty() ? Double.NaN : gauges.get(0).value();
    }

    /**
     * Every meter in Prometheus' text format, as the console's metrics endpoint serves it.
     *
     * @return the text
     */
    public String scrape() {
        return metrics.scrape();
    }

    private Search search(String name, String[] tags) {
        if (tags.length % 2 != 0) {
            throw new IllegalArgumentException("Tags come in name and value pairs; got " + tags.length + " strings");
        }
        MeterRegistry registry = metrics.registry();
        return registry.find(name).tags(tags);
    }
}
