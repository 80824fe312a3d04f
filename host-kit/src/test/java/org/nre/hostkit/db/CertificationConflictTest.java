package org.nre.hostkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.GaleraCluster;

/**
 * Two transactions committed on different Galera nodes at the same instant, both changing one row (as every NRE
 * write moves the plugin's change counter on): the cluster refuses the one whose certification comes second, and the
 * transaction helper runs it again, so that both changes land once each and nobody sees the refusal.
 */
@Tag("slow")
class CertificationConflictTest {

    static final int ROUNDS = 20;

    @TempDir
    static Path dir;
    static GaleraCluster cluster;
    static final List<HikariDataSource> pools = new ArrayList<>();
    static Jdbc node1;
    static Jdbc node2;

    @BeforeAll
    static void start() {
        cluster = GaleraCluster.start(dir.resolve("galera"));
        node1 = new Jdbc(pool(1), DatabaseProduct.MARIADB);
        node2 = new Jdbc(pool(2), DatabaseProduct.MARIADB);
        node1.update("CREATE TABLE counter (slot INT PRIMARY KEY, version BIGINT NOT NULL) ENGINE=InnoDB");
        node1.update("INSERT INTO counter (slot, version) VALUES (1, 0)");
    }

    @AfterAll
    static void stop() {
        pools.forEach(HikariDataSource::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aPluginsTransactionThatLosesTheCertificationIsRunAgainAndLandsOnce() throws Exception {
        long before = version();
        AtomicInteger attempts = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            CyclicBarrier bothChanged = new CyclicBarrier(2);
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> moveOn(node1, bothChanged, attempts));
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> moveOn(node2, bothChanged, attempts));
            CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);
        }

        assertThat(version() - before).as("every change landed once").isEqualTo(2L * ROUNDS);
        assertThat(attempts.get()).as("some commits lost the certification and were run again")
                .isGreaterThan(2 * ROUNDS);
    }

    @Test
    void theKitsOwnAtomicChangesAreRunAgainToo() throws Exception {
        long before = version();
        AtomicInteger attempts = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            CyclicBarrier bothChanged = new CyclicBarrier(2);
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> atomicMoveOn(node1, bothChanged,
                    attempts));
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> atomicMoveOn(node2, bothChanged,
                    attempts));
            CompletableFuture.allOf(one, two).get(60, TimeUnit.SECONDS);
        }

        assertThat(version() - before).isEqualTo(2L * ROUNDS);
        assertThat(attempts.get()).isGreaterThan(2 * ROUNDS);
    }

    @Test
    void aSingleStatementThatAnotherNodesCommitAbortsIsRunAgainAndLandsOnce() throws Exception {
        // The server's own retry of a refused single statement is turned off for node 1's pool (see pool()): what
        // is left to run it again is the kit's.
        long before = version();
        long abortedBefore = bruteForceAborts(1);
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(() -> node1.update(
                    "UPDATE counter SET version = version + 1 WHERE slot = 1 AND SLEEP(2) = 0"));
            awaitRunning(1, "SLEEP(2)");
            node2.update("UPDATE counter SET version = version + 1 WHERE slot = 1");
            assertThat(slow.get(60, TimeUnit.SECONDS)).as("node 1's statement, run again").isEqualTo(1);
        }

        assertThat(version() - before).as("every change landed once").isEqualTo(6L);
        assertThat(bruteForceAborts(1) - abortedBefore).as("node 2's commits aborted node 1's statements")
                .isGreaterThanOrEqualTo(3L);
    }

    /** Changes the row, waits until the other node has changed it too, and commits: both certify at once. */
    private static void moveOn(Jdbc node, CyclicBarrier bothChanged, AtomicInteger attempts) {
        int[] mine = {0};
        try {
            node.retried(connection -> {
                attempts.incrementAndGet();
                Jdbc.update(connection, "UPDATE counter SET version = version + 1 WHERE slot = 1");
                if (++mine[0] == 1) {
                    await(bothChanged);
                }
                return null;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void atomicMoveOn(Jdbc node, CyclicBarrier bothChanged, AtomicInteger attempts) {
        int[] mine = {0};
        node.atomically(() -> {
            attempts.incrementAndGet();
            node.update("UPDATE counter SET version = version + 1 WHERE slot = 1");
            if (++mine[0] == 1) {
                await(bothChanged);
            }
            return null;
        });
    }

    /** Only a first attempt waits: a second one runs after the other side has committed. */
    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The other node's transaction did not get as far", e);
        }
    }

    /** Read with wsrep_sync_wait: a node applies the other node's last commit a moment after it returns. */
    private static long version() {
        try (java.sql.Connection connection = cluster.connect(1);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1");
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT version FROM counter WHERE slot = 1")) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a statement holding the text runs on the node, holding its row's lock. */
    private static void awaitRunning(int node, String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (java.sql.Connection connection = cluster.connect(node);
                 java.sql.PreparedStatement statement = connection.prepareStatement(
                         "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE ? AND INFO NOT LIKE ?")) {
                statement.setString(1, "UPDATE counter%" + text + "%");
                statement.setString(2, "%PROCESSLIST%");
                try (java.sql.ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        Thread.sleep(200);
                        return;
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No statement like '" + text + "' began on node " + node);
    }

    private static long bruteForceAborts(int node) {
        return Long.parseLong(cluster.status(node, "wsrep_local_bf_aborts"));
    }

    private static HikariDataSource pool(int node) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.url(node));
        config.setUsername(cluster.user());
        config.setPassword(cluster.password());
        config.setMaximumPoolSize(2);
        if (node == 1) {
            config.setConnectionInitSql("SET SESSION wsrep_retry_autocommit = 0");
        }
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }
}
