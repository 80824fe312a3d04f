package org.nre.hostkit.schedule;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nre.hostapi.Fields;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.schedule.Scheduler;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.StorageException;
import org.nre.hostkit.plugins.PluginCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs repeating tasks on one console node at a time through a lease row per task (works on a Galera
 * cluster, unlike GET_LOCK). Every node beats for every task: the holder renews its short lease at each beat
 * and runs the task when the row's {@code next_run_at} comes; the others take the lease over once it has
 * expired. A node that stops gives its leases up at once; one that dies loses them within the lease's length.
 */
public final class LeaseScheduler implements AutoCloseable {

    /** How often each node renews or tries to take each lease. */
    public static final Duration BEAT = Duration.ofSeconds(2);
    /**
     * How long a lease lasts without renewal: a dead node's tasks move on within this and a beat (8 s), inside
     * the shortest interval a plugin's task may have (the NRE status check's 10 s).
     */
    public static final Duration LEASE = Duration.ofSeconds(6);

    /** How long closing waits for a run under way to end. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LeaseScheduler.class);

    private static final String INSERT_LEASE = "INSERT INTO host_lease (name, owner, expires_at, next_run_at) "
            + "VALUES (?, ?, ?, ?)";

    private final Jdbc jdbc;
    private final Clock clock;
    private final String nodeId;
    private final Duration beat;
    private final Duration lease;
    private final ScheduledExecutorService executor;
    private final Set<Task> tasks = ConcurrentHashMap.newKeySet();
    // A lease another node took first: PostgreSQL logs every failed statement, so there it is passed over instead
    // of refused (on each beat of each node that does not hold it); elsewhere the duplicate key is caught.
    private final String insertLease;

    public LeaseScheduler(Jdbc jdbc, Clock clock, String nodeId) {
        this(jdbc, clock, nodeId, BEAT, LEASE);
    }

    LeaseScheduler(Jdbc jdbc, Clock clock, String nodeId, Duration beat, Duration lease) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.nodeId = nodeId;
        this.beat = beat;
        this.lease = lease;
        this.insertLease = jdbc.product() == DatabaseProduct.POSTGRESQL ? INSERT_LEASE + " ON CONFLICT (name) DO NOTHING"
                : INSERT_LEASE;
        this.executor = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "console-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    public String nodeId() {
        return nodeId;
    }

    /** The scheduler as one plugin sees it: its tasks' leases are named after the plugin. */
    public Scheduler forPlugin(String pluginId, PluginCalls calls) {
        return (name, firstDelay, task) -> schedule(pluginId + ":" + Fields.requireText(name, "name"),
                firstDelay == null ? Duration.ZERO : firstDelay, task, calls);
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
        Task task = new Task(leaseName, firstDelay, work, calls);
        tasks.add(task);
        task.future = executor.scheduleWithFixedDelay(task::beat, 0, beat.toMillis(), TimeUnit.MILLISECONDS);
        return task;
    }

    /** Which node holds a task's lease now, if any. */
    public Optional<String> holder(String leaseName) {
        return jdbc.one("SELECT owner FROM host_lease WHERE name = ? AND expires_at > ?",
                row -> row.getString(1), leaseName, clock.instant());
    }

    /** Takes or renews the lease; answers whether this node holds it now. */
    boolean hold(String leaseName, Duration firstDelay) {
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        int updated = jdbc.update("""
                UPDATE host_lease SET owner = ?, expires_at = ?
                 WHERE name = ? AND (owner = ? OR expires_at <= ?)""",
                nodeId, until, leaseName, nodeId, now);
        if (updated == 1) {
            return true;
        }
        try {
            return jdbc.update(insertLease, leaseName, nodeId, until, now.plus(firstDelay)) == 1;
        } catch (StorageException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false; // another node holds it
            }
            throw e;
        }
    }

    private Optional<Instant> nextRun(String leaseName) {
        return jdbc.one("SELECT next_run_at FROM host_lease WHERE name = ?",
                row -> Jdbc.instant(row, "next_run_at"), leaseName);
    }

    private void setNextRun(String leaseName, Instant at, boolean onlyIfHolder) {
        if (onlyIfHolder) {
            jdbc.update("UPDATE host_lease SET next_run_at = ? WHERE name = ? AND owner = ?", at, leaseName, nodeId);
        } else {
            jdbc.update("UPDATE host_lease SET next_run_at = ? WHERE name = ?", at, leaseName);
        }
    }

    private void release(String leaseName) {
        jdbc.update("UPDATE host_lease SET expires_at = ? WHERE name = ? AND owner = ?",
                clock.instant(), leaseName, nodeId);
    }

    @Override
    public void close() {
        List<Task> all = List.copyOf(tasks);
        for (Task task : all) {
            task.cancel();
        }
        executor.shutdownNow();
        // A run under way is interrupted; wait for it, so that it ends before its plugin is unloaded, and keep its
        // lease meanwhile, so that no other node starts the task while this run still goes on.
        Instant giveUp = Instant.now().plus(CLOSE_WAIT);
        try {
            while (!executor.awaitTermination(beat.toMillis(), TimeUnit.MILLISECONDS)) {
                if (Instant.now().isAfter(giveUp)) {
                    LOG.warn("A scheduled task is still running {} s after the console began to stop",
                            CLOSE_WAIT.toSeconds());
                    break;
                }
                for (Task task : all) {
                    task.renewWhileRunning();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Task task : all) {
            task.releaseQuietly();
        }
    }

    private final class Task implements ScheduledTask {

        private final String leaseName;
        private final Duration firstDelay;
        private final RepeatingTask work;
        private final PluginCalls calls;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean running = new AtomicBoolean();
        private volatile ScheduledFuture<?> future;

        Task(String leaseName, Duration firstDelay, RepeatingTask work, PluginCalls calls) {
            this.leaseName = leaseName;
            this.firstDelay = firstDelay;
            this.work = work;
            this.calls = calls;
        }

        /** One beat: hold the lease (renewing it even while a run is under way), and start a run when due. */
        private void beat() {
            if (cancelled.get() && !running.get()) {
                return;
            }
            try {
                // A cancelled task whose run still goes on only keeps its lease until that run ends.
                if (!hold(leaseName, firstDelay) || cancelled.get()) {
                    return;
                }
                Instant due = nextRun(leaseName).orElse(null);
                if ((due == null || !clock.instant().isBefore(due)) && running.compareAndSet(false, true)) {
                    executor.execute(this::run);
                }
            } catch (RuntimeException e) {
                LOG.warn("Scheduled task '{}' could not check its lease: {}", leaseName, e.getMessage());
            }
        }

        private void run() {
            try {
                Duration delay = calls.runTask(leaseName, work);
                if (delay == null || delay.isNegative()) {
                    delay = Scheduler.RETRY_AFTER_FAILURE;
                }
                setNextRun(leaseName, clock.instant().plus(delay), true);
            } catch (RuntimeException e) {
                LOG.warn("Scheduled task '{}' could not record its next run: {}", leaseName, e.getMessage());
            } finally {
                running.set(false);
                // Cancelled during this run: the beat stops and the lease is given up only now, so that no other
                // node starts the task while this run still goes on.
                if (cancelled.get()) {
                    stopBeating();
                    releaseQuietly();
                }
            }
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                tasks.remove(this);
                if (!running.get()) {
                    stopBeating();
                    releaseQuietly();
                }
            }
        }

        private void stopBeating() {
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }

        private void renewWhileRunning() {
            if (running.get()) {
                try {
                    hold(leaseName, firstDelay);
                } catch (RuntimeException e) {
                    LOG.debug("Could not renew lease '{}' while its run ends: {}", leaseName, e.getMessage());
                }
            }
        }

        private void releaseQuietly() {
            try {
                release(leaseName);
            } catch (RuntimeException e) {
                LOG.debug("Could not release lease '{}': {}", leaseName, e.getMessage());
            }
        }

        @Override
        public void runSoon() {
            try {
                setNextRun(leaseName, clock.instant(), false);
            } catch (RuntimeException e) {
                LOG.debug("Could not move task '{}' forward: {}", leaseName, e.getMessage());
            }
            if (!executor.isShutdown()) {
                executor.execute(this::beat);
            }
        }
    }
}
