package org.nre.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.Fields;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.schedule.Scheduler;

/**
 * The plugin's scheduler in a test: it records each task and runs it only when the test asks, so that the test
 * decides when "later" is. A console runs the same task repeatedly on one node at a time, after the pause the task
 * answers.
 */
final class ManualScheduler implements Scheduler {

    /** One scheduled task and what the plugin asked of it since. */
    static final class Task implements ScheduledTask {
        final String name;
        final Duration firstDelay;
        final RepeatingTask work;
        volatile boolean cancelled;
        volatile boolean runSoonAsked;

        Task(String name, Duration firstDelay, RepeatingTask work) {
            this.name = name;
            this.firstDelay = firstDelay;
            this.work = work;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void runSoon() {
            runSoonAsked = true;
        }
    }

    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized ScheduledTask schedule(String name, Duration firstDelay, RepeatingTask task) {
        Fields.requireText(name, "name");
        if (task == null) {
            throw new org.nre.hostapi.HostApiException("Field 'task' cannot be null");
        }
        Task scheduled = new Task(name, firstDelay == null ? Duration.ZERO : firstDelay, task);
        tasks.add(scheduled);
        return scheduled;
    }

    synchronized List<String> names() {
        return tasks.stream().filter(t -> !t.cancelled).map(t -> t.name).toList();
    }

    synchronized Optional<Task> live(String name) {
        for (int i = tasks.size() - 1; i >= 0; i--) {
            Task task = tasks.get(i);
            if (task.name.equals(name) && !task.cancelled) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    synchronized void cancelAll() {
        tasks.forEach(Task::cancel);
    }
}
