package org.nre.sample.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.nre.hostapi.Fields;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.schedule.Scheduler;
import org.nre.sample.db.Jdbc;
import org.nre.sample.db.StorageException;
import org.nre.sample.plugins.PluginCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs repeating tasks on one console node at a time through a lease row per task. The node that holds
 * the lease runs the task and renews the lease for the task's next delay plus a grace period; the other
 * nodes check every {@link #FOLLOWER_CHECK} whether the lease has expired, and take it over if so.
 */
public final class LeaseScheduler implements AutoCloseable {

    static final Duration LEASE_GRACE = Duration.ofSeconds(15);
    static final Duration FOLLOWER_CHECK = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(LeaseScheduler.class);

    private final Jdbc jdbc;
    private final Clock clock;
    private final String nodeId;
    private final ScheduledExecutorService executor;
    private final Set<Task> tasks = ConcurrentHashMap.newKeySet();

    public LeaseScheduler(Jdbc jdbc, Clock clock, String nodeId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = nodeId;
        this.executor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "console-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The scheduler as one plugin sees it: its tasks' leases are named after the plugin. */
    public Scheduler forPlugin(String pluginId, PluginCalls calls) {
        return (name, firstDelay, task) -> schedule(pluginId + ":" + Fields.requireText(name, "name"),
                firstDelay, task, calls);
    }

    /** Cancels every task of a plugin that stopped, whether or not the plugin cancelled them itself. */
    public void cancelAll(String pluginId) {
        for (Task task : List.copyOf(tasks)) {
            if (task.leaseName.startsWith(pluginId + ":")) {
                task.cancel();
            }
        }
    }

    ScheduledTask schedule(String leaseName, Duration firstDelay, RepeatingTask work, PluginCalls calls) {
        Task task = new Task(leaseName, work, calls);
        tasks.add(task);
        task.scheduleIn(firstDelay == null ? Duration.ZERO : firstDelay);
        return task;
    }

    /** Whether this node holds a task's lease now. */
    public boolean holds(String leaseName) {
        return jdbc.one("SELECT owner FROM host_lease WHERE name = ? AND expires_at > ?",
                row -> row.getString(1), leaseName, clock.instant()).map(nodeId::equals).orElse(false);
    }

    boolean tryAcquire(String leaseName, Duration holdFor) {
        Instant now = clock.instant();
        Instant until = now.plus(holdFor);
        int updated = jdbc.update("""
                UPDATE host_lease SET owner = ?, expires_at = ?
                 WHERE name = ? AND (owner = ? OR expires_at <= ?)""",
                nodeId, until, leaseName, nodeId, now);
        if (updated == 1) {
            return true;
        }
        try {
            return jdbc.update("INSERT INTO host_lease (name, owner, expires_at) VALUES (?, ?, ?)",
                    leaseName, nodeId, until) == 1;
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false; // another node holds it
            }
            throw e;
        }
    }

    void release(String leaseName) {
        jdbc.update("UPDATE host_lease SET expires_at = ? WHERE name = ? AND owner = ?",
                clock.instant(), leaseName, nodeId);
    }

    @Override
    public void close() {
        for (Task task : tasks) {
            task.cancel();
        }
        executor.shutdownNow();
    }

    private final class Task implements ScheduledTask {

        private final String leaseName;
        private final RepeatingTask work;
        private final PluginCalls calls;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicReference<ScheduledFuture<?>> next = new AtomicReference<>();
        private final Object running = new Object();

        Task(String leaseName, RepeatingTask work, PluginCalls calls) {
            this.leaseName = leaseName;
            this.work = work;
            this.calls = calls;
        }

        void scheduleIn(Duration delay) {
            if (cancelled.get() || executor.isShutdown()) {
                return;
            }
            ScheduledFuture<?> previous = next.getAndSet(
                    executor.schedule(this::tick, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS));
            if (previous != null) {
                previous.cancel(false);
            }
        }

        private void tick() {
            synchronized (running) {
                if (cancelled.get()) {
                    return;
                }
                Duration nextDelay;
                try {
                    if (!tryAcquire(leaseName, LEASE_GRACE)) {
                        scheduleIn(FOLLOWER_CHECK);
                        return;
                    }
                    nextDelay = calls.runTask(leaseName, work);
                    if (nextDelay == null || nextDelay.isNegative()) {
                        nextDelay = Scheduler.RETRY_AFTER_FAILURE;
                    }
                    tryAcquire(leaseName, nextDelay.plus(LEASE_GRACE));
                } catch (RuntimeException e) {
                    LOG.warn("Scheduled task '{}' could not run: {}", leaseName, e.getMessage());
                    nextDelay = Scheduler.RETRY_AFTER_FAILURE;
                }
                scheduleIn(nextDelay);
            }
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                ScheduledFuture<?> future = next.getAndSet(null);
                if (future != null) {
                    future.cancel(false);
                }
                tasks.remove(this);
                try {
                    release(leaseName);
                } catch (RuntimeException e) {
                    LOG.debug("Could not release lease '{}': {}", leaseName, e.getMessage());
                }
            }
        }

        @Override
        public void runSoon() {
            scheduleIn(Duration.ZERO);
        }
    }
}
