package org.nre.hostapi.metrics;

import java.time.Duration;

/** How long something took, each time: the console keeps a count, a total and a distribution. */
public interface Timer {

    /**
     * Records one duration.
     *
     * @param duration how long it took, not negative
     */
    void record(Duration duration);
}
