package org.nre.hostkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The three-node Galera cluster the multi-node tests run on: it replicates, survives a node's loss and heals. */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterTest {

    @TempDir
    static Path dir;

    static GaleraCluster cluster;

    @BeforeAll
    static void start() {
        cluster = GaleraCluster.start(dir.resolve("galera"));
        run(1, "CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(100)) ENGINE=InnoDB");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aRowWrittenOnOneNodeIsReadOnEveryOther() throws Exception {
        run(1, "INSERT INTO note (id, body) VALUES (1, 'written on node 1')");

        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            assertThat(bodies(node)).as("node %d", node).containsExactly("written on node 1");
            assertThat(cluster.status(node, "wsrep_cluster_size")).isEqualTo("3");
        }
    }

    @Test
    @Order(2)
    void aKilledNodeLeavesTheOthersWorkingAndRejoinsWithWhatWasWrittenMeanwhile() throws Exception {
        cluster.kill(3);

        assertThat(cluster.isRunning(3)).isFalse();
        assertThatThrownBy(() -> cluster.connect(3).close()).isInstanceOf(SQLException.class);
        // Writes wait while the two left decide that node 3 is gone (evs.suspect_timeout), then go on.
        run(2, "INSERT INTO note (id, body) VALUES (2, 'written on node 2 while node 3 was down')");
        run(1, "INSERT INTO note (id, body) VALUES (3, 'written on node 1 while node 3 was down')");
        for (int node = 1; node <= 2; node++) {
            cluster.awaitSynced(node, 2);
            assertThat(cluster.status(node, "wsrep_cluster_status")).isEqualTo("Primary");
            assertThat(bodies(node)).hasSize(3);
        }

        cluster.restart(3);

        assertThat(bodies(3)).containsExactly("written on node 1", "written on node 2 while node 3 was down",
                "written on node 1 while node 3 was down");
        run(3, "INSERT INTO note (id, body) VALUES (4, 'written on node 3 after it rejoined')");
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            assertThat(cluster.status(node, "wsrep_cluster_size")).as("node %d", node).isEqualTo("3");
            assertThat(bodies(node)).as("node %d", node).hasSize(4)
                    .endsWith("written on node 3 after it rejoined");
        }
    }

    @Test
    @Order(3)
    void aDatabaseMadeOnTheClusterIsOnEveryNodeAndABadNameIsRefused() throws Exception {
        String name = cluster.createDatabase("nre_test_other");

        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            try (Connection connection = DriverManager.getConnection(cluster.url(node, name),
                    cluster.user(), cluster.password())) {
                assertThat(connection.getCatalog()).isEqualTo(name);
            }
        }
        assertThatThrownBy(() -> cluster.createDatabase("x; DROP DATABASE nre_test"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case letters");
    }

    private static void run(int node, String sql) {
        try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Node " + node + " refused " + sql + ": " + e.getMessage(), e);
        }
    }

    /** A node applies another's commit a moment after it returned; the read waits for what the cluster committed. */
    private static Statement readAfterEveryCommit(Statement statement) throws SQLException {
        statement.execute("SET SESSION wsrep_sync_wait = 1");
        return statement;
    }

    private static List<String> bodies(int node) throws SQLException {
        List<String> bodies = new ArrayList<>();
        try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement();
             var rows = readAfterEveryCommit(statement).executeQuery("SELECT body FROM note ORDER BY id")) {
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
        }
        return bodies;
    }
}
