package org.nre.hostkit.metrics;

/** The kinds of meter a plugin records. */
enum MeterType {
    COUNTER,
    TIMER,
    GAUGE;

    String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
