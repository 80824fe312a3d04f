package org.nre.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.nre.hostkit.GaleraCluster;

/**
 * A real three-node Galera cluster with a console process on each node (the NRE plugin and the simulated router,
 * demo data), and what the tests read of it through a node: every read waits until that node has applied what the
 * cluster committed before it, as the consoles' own reads do.
 */
final class GaleraConsoles implements AutoCloseable {

    final GaleraCluster cluster;
    final List<ConsoleProcess> consoles = new ArrayList<>();

    private GaleraConsoles(GaleraCluster cluster) {
        this.cluster = cluster;
    }

    static GaleraConsoles start(Path dir) throws IOException {
        GaleraConsoles galera = new GaleraConsoles(GaleraCluster.start(dir.resolve("galera")));
        try {
            Path plugins = TestConsole.dropFolderWithSimulator(dir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> env = Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD,
                    "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD, "NRE_SECRETS_KEY",
                    Base64.getEncoder().encodeToString(key), "NRE_DB_PASSWORD", galera.cluster.password());
            // One node first, as after an upgrade: it migrates; the others find the schema made.
            for (int node = 1; node <= GaleraCluster.NODES; node++) {
                galera.consoles.add(ConsoleProcess.start(dir, List.of("--plugins", plugins.toString(), "--db-url",
                        galera.cluster.url(node), "--db-user", galera.cluster.user(), "--demo-data", "true",
                        "--data", dir.resolve("console-" + node).toString()), env).awaitStarted());
            }
            return galera;
        } catch (IOException | RuntimeException | Error e) {
            galera.close();
            throw e;
        }
    }

    ConsoleProcess console(int node) {
        return consoles.get(node - 1);
    }

    /** The node whose console has the given node id. */
    int nodeOf(String consoleNodeId) {
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            if (console(node).nodeId().equals(consoleNodeId)) {
                return node;
            }
        }
        throw new AssertionError("No console has the node id " + consoleNodeId);
    }

    /** The console holding the status poller's lease as a node sees it, or null (lease times are UTC wall-clock). */
    String holder(int node) {
        try (Connection connection = connect(node); PreparedStatement statement = connection.prepareStatement(
                "SELECT owner FROM host_lease WHERE name = ? AND expires_at > ?")) {
            statement.setString(1, MultiNodeIT.POLLER);
            statement.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the query's first row through a node, or null when it has none. */
    <T> T first(int node, String sql, Class<T> type) {
        try (Connection connection = connect(node); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getObject(1, type) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int count(int node, String sql) {
        return first(node, sql, Long.class).intValue();
    }

    /** Commits refused at certification, and local transactions aborted by another node's commit, on all nodes. */
    long conflicts() {
        long all = 0;
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            all += Long.parseLong(cluster.status(node, "wsrep_local_cert_failures"))
                    + Long.parseLong(cluster.status(node, "wsrep_local_bf_aborts"));
        }
        return all;
    }

    private Connection connect(int node) throws Exception {
        Connection connection = cluster.connect(node);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1");
        } catch (Exception e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public void close() {
        consoles.forEach(ConsoleProcess::close);
        cluster.close();
    }
}
