package org.nre.hostapi.schedule;

import java.time.Duration;

/** A task that runs again and again, choosing its own pace, so that it can back off on errors. */
@FunctionalInterface
public interface RepeatingTask {

    /**
     * Runs once.
     *
     * @return how long to wait before the next run
     * @throws Exception when the run failed; the host logs it and runs the task again after
     *     {@link Scheduler#RETRY_AFTER_FAILURE}
     */
    Duration run() throws Exception;
}
