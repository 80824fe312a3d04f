package org.nre.hostapi.schedule;

/** A scheduled task's handle. */
public interface ScheduledTask {

    /** Stops the task; a run under way finishes. */
    void cancel();

    /**
     * Asks for a run as soon as possible; when another console node holds the task, that node keeps
     * its own pace.
     */
    void runSoon();
}
