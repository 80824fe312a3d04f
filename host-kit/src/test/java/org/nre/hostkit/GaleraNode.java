package org.nre.hostkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a {@link GaleraCluster}: its folder (data, configuration, logs, socket) and its four ports on
 * 127.0.0.1, for SQL, group communication, incremental and full state transfer.
 */
record GaleraNode(int number, Path folder, int sqlPort, int groupPort, int istPort, int sstPort) {

    /** Each node's folder and free ports, all told apart at once so that no two nodes share one. */
    static List<GaleraNode> layOut(Path dir, int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count * 4; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            List<GaleraNode> nodes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Path folder = Files.createDirectories(dir.resolve("node" + (i + 1)));
                nodes.add(new GaleraNode(i + 1, folder, sockets.get(4 * i).getLocalPort(),
                        sockets.get(4 * i + 1).getLocalPort(), sockets.get(4 * i + 2).getLocalPort(),
                        sockets.get(4 * i + 3).getLocalPort()));
            }
            return nodes;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** InnoDB kept small and unsynced: the data is thrown away after the test, and start-up time counts. */
    static List<String> storageOptions() {
        return List.of("innodb_buffer_pool_size=32M", "innodb_log_file_size=8M", "innodb_log_buffer_size=4M",
                "innodb_undo_tablespaces=0", "innodb_flush_log_at_trx_commit=0", "innodb_doublewrite=0",
                "performance_schema=OFF", "skip_name_resolve");
    }

    Path data() {
        return folder.resolve("data");
    }

    Path config() {
        return folder.resolve("my.cnf");
    }

    Path errorLog() {
        return folder.resolve("error.log");
    }

    Path socket() {
        return folder.resolve("mysqld.sock");
    }

    /** Writes the node's option file, which mariadbd and its state transfer scripts read. */
    void writeConfig(List<GaleraNode> cluster, boolean asRoot) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("datadir", data().toString());
        settings.put("socket", socket().toString());
        settings.put("pid-file", folder.resolve("mysqld.pid").toString());
        settings.put("log-error", errorLog().toString());
        settings.put("port", String.valueOf(sqlPort));
        settings.put("bind-address", "127.0.0.1");
        if (asRoot) {
            settings.put("user", "root");
        }
        // What the console needs of Galera (docs/operations.md).
        settings.put("binlog_format", "ROW");
        settings.put("innodb_autoinc_lock_mode", "2");
        settings.put("default_storage_engine", "InnoDB");
        settings.put("character_set_server", "utf8mb4");
        // Refuse, rather than leave unreplicated, a table without a primary key or of an engine Galera does not
        // replicate: every test on the cluster then checks the schema and the statements the console uses.
        settings.put("wsrep_mode", "STRICT_REPLICATION,REQUIRED_PRIMARY_KEY");
        settings.put("wsrep_on", "ON");
        settings.put("wsrep_provider", GaleraCluster.PROVIDER.toString());
        settings.put("wsrep_cluster_name", "nre_test_" + cluster.get(0).groupPort());
        settings.put("wsrep_cluster_address", "gcomm://" + String.join(",",
                cluster.stream().map(node -> "127.0.0.1:" + node.groupPort()).toList()));
        settings.put("wsrep_node_name", "node" + number);
        settings.put("wsrep_node_address", "127.0.0.1:" + groupPort);
        settings.put("wsrep_node_incoming_address", "127.0.0.1:" + sqlPort);
        settings.put("wsrep_provider_options", "\"gmcast.listen_addr=tcp://127.0.0.1:" + groupPort
                + ";ist.recv_addr=127.0.0.1:" + istPort + ";gcache.size=32M\"");
        settings.put("wsrep_sst_method", "mariabackup");
        settings.put("wsrep_sst_auth", GaleraCluster.USER + ":" + GaleraCluster.PASSWORD);
        settings.put("wsrep_sst_receive_address", "127.0.0.1:" + sstPort);
        StringBuilder config = new StringBuilder("[mysqld]\n");
        settings.forEach((name, value) -> config.append(name).append('=').append(value).append('\n'));
        storageOptions().forEach(option -> config.append(option).append('\n'));
        config.append("\n[client]\nsocket=").append(socket()).append("\nport=").append(sqlPort).append('\n');
        try {
            Files.writeString(config(), config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + config(), e);
        }
    }
}
