package org.nre.hostkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;
import org.nre.hostkit.plugins.PluginCalls;
import org.nre.sample.HostConfig;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;

/**
 * Two console nodes on one database (each product's): a task runs on one at a time, and moves when that node stops
 * or dies.
 */
@ParameterizedClass
@EnumSource(DatabaseProduct.class)
class LeaseSchedulerTest {

    static final Duration BEAT = Duration.ofMillis(50);
    static final Duration LEASE = Duration.ofMillis(400);
    static final String TASK = "test:poll";

    @TempDir
    Path dir;
    @Parameter
    DatabaseProduct product;
    ServerDatabase server;
    HostDatabase database;
    LeaseScheduler nodeA;
    LeaseScheduler nodeB;
    final AtomicInteger runsA = new AtomicInteger();
    final AtomicInteger runsB = new AtomicInteger();
    final PluginCalls calls = new PluginCalls("test", getClass().getClassLoader());

    @BeforeEach
    void start() {
        if (product == DatabaseProduct.H2) {
            database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.toString()}, Map.of()));
        } else {
            server = ServerDatabase.fresh(product);
            database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.toString(), "--db-url",
                    server.url(), "--db-user", server.user()}, Map.of("NRE_DB_PASSWORD", server.password())));
        }
        ConsoleSchema.migrate(database);
        nodeA = new LeaseScheduler(database.jdbc(), Clock.systemUTC(), "node-a", BEAT, LEASE);
        nodeB = new LeaseScheduler(database.jdbc(), Clock.systemUTC(), "node-b", BEAT, LEASE);
    }

    @AfterEach
    void stop() {
        nodeA.close();
        nodeB.close();
        database.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTaskRunsOnOneNodeAtATimeAndMovesWhenThatNodeStops() throws Exception {
        ScheduledTask onA = nodeA.schedule(TASK, Duration.ZERO, () -> count(runsA), calls);
        waitUntil(() -> runsA.get() > 0, "node A to run the task");
        nodeB.schedule(TASK, Duration.ZERO, () -> count(runsB), calls);
        Thread.sleep(1000);

        assertThat(runsA.get()).isGreaterThan(3);
        assertThat(runsB.get()).as("node B waits while A holds the lease").isZero();
        assertThat(nodeB.holder(TASK)).contains("node-a");

        onA.cancel();
        Instant stopped = Instant.now();
        waitUntil(() -> runsB.get() > 0, "node B to take over");
        assertThat(Duration.between(stopped, Instant.now())).isLessThan(BEAT.multipliedBy(10));
        assertThat(nodeA.holder(TASK)).contains("node-b");
    }

    @Test
    void aNodeThatDiesLosesItsTasksWhenItsLeaseRunsOut() throws Exception {
        LeaseScheduler dying = new LeaseScheduler(database.jdbc(), Clock.systemUTC(), "node-c", BEAT, LEASE);
        AtomicInteger runsC = new AtomicInteger();
        dying.schedule(TASK, Duration.ZERO, () -> count(runsC), calls);
        waitUntil(() -> runsC.get() > 0, "node C to run the task");
        nodeB.schedule(TASK, Duration.ZERO, () -> count(runsB), calls);

        killWithoutReleasing(dying);
        Instant died = Instant.now();
        waitUntil(() -> runsB.get() > 0, "node B to take over");

        assertThat(Duration.between(died, Instant.now())).isLessThan(LEASE.plus(BEAT.multipliedBy(10)));
    }

    @Test
    void theNodeThatTakesOverKeepsTheTasksPaceAndRunSoonRunsItAtOnce() throws Exception {
        ScheduledTask onA = nodeA.schedule(TASK, Duration.ZERO, () -> {
            runsA.incrementAndGet();
            return Duration.ofMinutes(10);
        }, calls);
        waitUntil(() -> runsA.get() == 1, "the first run");
        nodeB.schedule(TASK, Duration.ZERO, () -> {
            runsB.incrementAndGet();
            return Duration.ofMinutes(10);
        }, calls);
        onA.cancel();
        waitUntil(() -> nodeB.holder(TASK).filter("node-b"::equals).isPresent(), "node B to hold the lease");
        Thread.sleep(500);
        assertThat(runsB.get()).as("the next run is ten minutes away, whichever node holds the task").isZero();

        onA.runSoon();
        waitUntil(() -> runsB.get() == 1, "the run asked for on node A to happen on node B");
    }

    private static Duration count(AtomicInteger runs) {
        runs.incrementAndGet();
        return Duration.ofMillis(50);
    }

    @Test
    void aTaskCancelledDuringARunKeepsItsLeaseUntilThatRunEnds() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        ScheduledTask onA = scheduleStubbornRunOnA(finish);
        nodeB.schedule(TASK, Duration.ZERO, () -> count(runsB), calls);

        onA.cancel();
        Thread.sleep(LEASE.multipliedBy(3).toMillis());

        assertThat(runsB.get()).as("node B waits while A's cancelled run still goes on").isZero();
        assertThat(nodeB.holder(TASK)).contains("node-a");
        finish.countDown();
        waitUntil(() -> runsB.get() > 0, "node B to take over once A's run ended");
    }

    @Test
    void aNodeThatStopsDuringARunKeepsTheLeaseUntilThatRunEnds() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        scheduleStubbornRunOnA(finish);
        nodeB.schedule(TASK, Duration.ZERO, () -> count(runsB), calls);

        Thread closing = new Thread(nodeA::close);
        closing.start();
        Thread.sleep(LEASE.multipliedBy(3).toMillis());

        assertThat(runsB.get()).as("node B waits while the stopping node's run still goes on").isZero();
        finish.countDown();
        closing.join(10_000);
        assertThat(closing.isAlive()).isFalse();
        waitUntil(() -> runsB.get() > 0, "node B to take over once the stopped node's run ended");
    }

    /** A run that does not stop when interrupted, as a plugin's blocking call may not, until told to finish. */
    private ScheduledTask scheduleStubbornRunOnA(CountDownLatch finish) throws InterruptedException {
        CountDownLatch inRun = new CountDownLatch(1);
        ScheduledTask task = nodeA.schedule(TASK, Duration.ZERO, () -> {
            inRun.countDown();
            while (true) {
                try {
                    finish.await();
                    return Duration.ofMillis(10);
                } catch (InterruptedException ignored) {
                    // carries on until told to finish
                }
            }
        }, calls);
        assertThat(inRun.await(10, TimeUnit.SECONDS)).as("node A to start a run").isTrue();
        return task;
    }

    private static void killWithoutReleasing(LeaseScheduler scheduler) throws Exception {
        var field = LeaseScheduler.class.getDeclaredField("executor");
        field.setAccessible(true);
        ((java.util.concurrent.ExecutorService) field.get(scheduler)).shutdownNow();
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
