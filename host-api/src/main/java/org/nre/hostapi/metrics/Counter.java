package org.nre.hostapi.metrics;

/** A count that only goes up, such as calls made. */
public interface Counter {

    /** Adds one. */
    void increment();
}
