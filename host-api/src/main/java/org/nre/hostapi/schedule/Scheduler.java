package org.nre.hostapi.schedule;

import java.time.Duration;

/**
 * Runs a plugin's repeating tasks. However many console nodes share the database, each task runs on
 * one node at a time; when that node stops, another takes over.
 */
public interface Scheduler {

    /** How long the host waits after a run that threw before running the task again. */
    Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

    /**
     * Schedules a repeating task.
     *
     * @param name the task's name, unique within the plugin
     * @param firstDelay how long to wait before the first run
     * @param task the task; each run says how long to wait before the next
     * @return a handle to cancel the task
     */
    ScheduledTask schedule(String name, Duration firstDelay, RepeatingTask task);
}
