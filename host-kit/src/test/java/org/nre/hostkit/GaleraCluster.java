package org.nre.hostkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A three-node MariaDB Galera cluster on loopback, each node a mariadbd of its own (data folder, ports and socket
 * under one folder), for tests of consoles on several Galera nodes and of node loss. No system service is touched.
 * When the cluster cannot start, tests are skipped on a developer's machine but fail when CI=true.
 */
public final class GaleraCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GaleraCluster.class);

    /** How many nodes the cluster has; nodes are numbered from 1. */
    public static final int NODES = 3;
    /** The database every cluster has from the start, for tests that need only one. */
    public static final String DATABASE = "nre_test";

    static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
    static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
    static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");
    private static final String HOW_TO_INSTALL = "Install them with apt-get install mariadb-server galera-4 "
            + "mariadb-backup socat iproute2 (see .ci/run).";
    static final String USER = "root";
    static final String PASSWORD = "";
    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);
    // A joiner's first start copies the donor's data (mariabackup) before it answers.
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECOVER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int LOG_TAIL_LINES = 40;
    private static final Pattern RECOVERED = Pattern.compile("WSREP: Recovered position: ([0-9a-f-]{36}:-?\\d+)");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Path dir;
    private final List<GaleraNode> nodes;
    private final Process[] processes = new Process[NODES];
    private final Thread killAtExit = new Thread(this::killAll, "galera-cluster-kill-at-exit");

    private GaleraCluster(Path dir, List<GaleraNode> nodes) {
        this.dir = dir;
        this.nodes = List.copyOf(nodes);
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /**
     * Starts the cluster in a folder of its own: node 1 bootstraps it, nodes 2 and 3 join it; back when every node
     * is synced in a cluster of three, with {@link #DATABASE} made.
     */
    public static GaleraCluster start(Path dir) {
        List<String> missing = missingTools();
        if (!missing.isEmpty()) {
            unavailable("A Galera cluster cannot start: " + String.join(", ", missing) + " missing. " + HOW_TO_INSTALL);
        }
        long started = System.nanoTime();
        GaleraCluster cluster;
        try {
            cluster = new GaleraCluster(dir, GaleraNode.layOut(Files.createDirectories(dir), NODES));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the cluster's folders under " + dir, e);
        }
        try {
            cluster.seed();
            cluster.launch(1, List.of("--wsrep-new-cluster"));
            cluster.awaitSynced(1, 1);
            cluster.launch(2, List.of());
            cluster.launch(3, List.of());
            for (int node = 1; node <= NODES; node++) {
                cluster.awaitSynced(node, NODES);
            }
            cluster.createDatabase(DATABASE);
            LOG.info("Galera cluster of {} nodes synced in {} ms under {}", NODES,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), dir);
        } catch (RuntimeException e) {
            cluster.close();
            unavailable("The Galera cluster under " + dir + " did not start: " + e.getMessage());
        }
        return cluster;
    }

    /** The JDBC URL of {@link #DATABASE} through a node. */
    public String url(int node) {
        return url(node, DATABASE);
    }

    /** The JDBC URL of a database through a node. */
    public String url(int node, String database) {
        return "jdbc:mariadb://127.0.0.1:" + node(node).sqlPort() + "/" + database;
    }

    /** A node's SQL port on 127.0.0.1, for a proxy in front of it. */
    public int port(int node) {
        return node(node).sqlPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** A plain JDBC connection to {@link #DATABASE} through a node. */
    public Connection connect(int node) throws SQLException {
        return DriverManager.getConnection(url(node), USER, PASSWORD);
    }

    /**
     * Makes a database (replicated to every node) and answers its name.
     *
     * @param name lower-case letters, digits and '_', starting with a letter
     */
    public String createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Database name '" + name + "' must be lower-case letters, digits and "
                    + "'_', starting with a letter, at most 64 characters");
        }
        GaleraNode first = liveNode();
        try (Connection connection = DriverManager.getConnection(serverUrl(first), USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on node " + first.number() + ": "
                    + e.getMessage(), e);
        }
        return name;
    }

    /** A status variable of a node, such as {@code wsrep_cluster_size}. */
    public String status(int node, String variable) {
        try (Connection connection = DriverManager.getConnection(serverUrl(node(node)), USER, PASSWORD);
             PreparedStatement statement = connection.prepareStatement("SHOW GLOBAL STATUS LIKE ?")) {
            statement.setString(1, variable);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(2) : "";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Node " + node + " does not answer: " + e.getMessage(), e);
        }
    }

    /** Whether a node's process runs (it may still be joining). */
    public boolean isRunning(int node) {
        Process process = processes[node(node).number() - 1];
        return process != null && process.isAlive();
    }

    /** Kills a node's process at once (SIGKILL), as a crash or a power cut would, with the processes it started. */
    public void kill(int node) {
        GaleraNode killed = node(node);
        Process process = processes[killed.number() - 1];
        if (process == null) {
            throw new IllegalStateException("Node " + node + " is not running");
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Node " + node + " (pid " + process.pid() + ") outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing node " + node, e);
        }
        processes[killed.number() - 1] = null;
    }

    /**
     * Starts a killed node again: it recovers its last committed position, as an operator's service manager does,
     * so that it rejoins by an incremental transfer (or a full one when the cluster's cache has moved past it);
     * back when it is synced with every running node.
     */
    public void restart(int node) {
        GaleraNode restarted = node(node);
        if (processes[restarted.number() - 1] != null) {
            throw new IllegalStateException("Node " + node + " is running: kill it first");
        }
        long started = System.nanoTime();
        List<String> options = new ArrayList<>();
        recoveredPosition(restarted).ifPresent(position -> options.add("--wsrep-start-position=" + position));
        launch(node, options);
        int running = 0;
        for (Process process : processes) {
            running += process != null ? 1 : 0;
        }
        awaitSynced(node, running);
        LOG.info("Galera node {} rejoined in {} ms (recovered start position: {})", node,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), options.isEmpty() ? "none" : options.get(0));
    }

    /** Stops every node and deletes the cluster's folders. */
    @Override
    public void close() {
        // The data is thrown away, so no clean shutdown is needed.
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killAtExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run.
        }
        deleteTree(dir);
    }

    private void killAll() {
        for (int node = 1; node <= NODES; node++) {
            if (processes[node - 1] != null) {
                kill(node);
            }
        }
    }

    private static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (Path file : List.of(MARIADBD, INSTALL_DB)) {
            if (!Files.isExecutable(file)) {
                missing.add(file + " (mariadb-server)");
            }
        }
        if (!Files.isReadable(PROVIDER)) {
            missing.add(PROVIDER + " (galera-4)");
        }
        for (String tool : List.of("mariabackup", "mbstream", "wsrep_sst_mariabackup")) {
            if (onPath(tool).isEmpty()) {
                missing.add(tool + " (mariadb-backup)");
            }
        }
        if (onPath("socat").isEmpty()) {
            missing.add("socat");
        }
        if (onPath("ss").isEmpty() && onPath("lsof").isEmpty()) {
            missing.add("ss (iproute2) or lsof");
        }
        return missing;
    }

    private static Optional<Path> onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).map(folder -> Path.of(folder, tool)).filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * Gives every node the same data at the same cluster position, so that none needs a state transfer at the
     * cluster's first start (a transfer by mariabackup takes about 12 seconds a node): node 1's system tables are
     * made, node 1 makes a cluster of one and stops cleanly (its grastate.dat then holds the position), and its
     * folder is copied to the others.
     */
    private void seed() {
        GaleraNode first = nodes.get(0);
        List<String> command = new ArrayList<>(List.of(INSTALL_DB.toString(), "--no-defaults",
                "--datadir=" + first.data(), "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (runsAsRoot()) {
            command.add("--user=root");
        }
        GaleraNode.storageOptions().forEach(option -> command.add("--" + option));
        run(command, first.folder().resolve("install.log"), INSTALL_TIMEOUT, "mariadb-install-db");
        nodes.forEach(node -> node.writeConfig(nodes, runsAsRoot()));
        launch(1, List.of("--wsrep-new-cluster"));
        awaitSynced(1, 1);
        stop(1);
        for (GaleraNode node : nodes.subList(1, NODES)) {
            copyTree(first.data(), node.data());
        }
    }

    /** Stops a node cleanly (SIGTERM), so that it records its position. */
    private void stop(int number) {
        Process process = processes[number - 1];
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + number + " did not stop within " + STOP_TIMEOUT.toSeconds()
                        + " seconds. The tail of " + node(number).errorLog() + ":\n" + tail(node(number).errorLog()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping node " + number, e);
        }
        processes[number - 1] = null;
    }

    private void launch(int number, List<String> options) {
        GaleraNode node = node(number);
        List<String> command = new ArrayList<>(List.of(MARIADBD.toString(), "--defaults-file=" + node.config()));
        command.addAll(options);
        try {
            processes[number - 1] = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(node.folder().resolve("console.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start node " + number + " (" + MARIADBD + "): " + e.getMessage(),
                    e);
        }
    }

    /** Waits until a node is synced in a cluster of the given size, such as the nodes left after one is killed. */
    public void awaitSynced(int number, int clusterSize) {
        GaleraNode node = node(number);
        long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
        Map<String, String> last = Map.of();
        String lastError = "";
        while (System.nanoTime() < deadline) {
            Process process = processes[number - 1];
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException("node " + number + " stopped" + (process == null ? ""
                        : " with exit code " + process.exitValue()) + ". The tail of " + node.errorLog() + ":\n"
                        + tail(node.errorLog()));
            }
            try (Connection connection = DriverManager.getConnection(serverUrl(node), USER, PASSWORD)) {
                last = readStatus(connection);
                if ("ON".equals(last.get("wsrep_ready")) && "Synced".equals(last.get("wsrep_local_state_comment"))
                        && String.valueOf(clusterSize).equals(last.get("wsrep_cluster_size"))) {
                    return;
                }
            } catch (SQLException e) {
                lastError = e.getMessage();
            }
            sleep(POLL);
        }
        throw new IllegalStateException("node " + number + " was not synced in a cluster of " + clusterSize
                + " within " + SYNC_TIMEOUT.toSeconds() + " seconds (last status " + last + (lastError.isEmpty() ? ""
                : ", last error " + lastError) + "). The tail of " + node.errorLog() + ":\n" + tail(node.errorLog()));
    }

    private static Map<String, String> readStatus(Connection connection) throws SQLException {
        Map<String, String> status = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', "
                     + "'wsrep_local_state_comment', 'wsrep_cluster_size', 'wsrep_cluster_status', "
                     + "'wsrep_connected')")) {
            while (rows.next()) {
                status.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
            }
        }
        return status;
    }

    /** The position a killed node committed last, read from its storage (mariadbd --wsrep-recover). */
    private Optional<String> recoveredPosition(GaleraNode node) {
        Path log = node.folder().resolve("recover.log");
        List<String> command = List.of(MARIADBD.toString(), "--defaults-file=" + node.config(), "--wsrep-recover",
                "--log-error=" + log);
        run(command, node.folder().resolve("recover-console.log"), RECOVER_TIMEOUT, "mariadbd --wsrep-recover");
        try {
            Matcher found = RECOVERED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            String position = null;
            while (found.find()) {
                position = found.group(1);
            }
            return Optional.ofNullable(position).filter(p -> !p.endsWith(":-1"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void run(List<String> command, Path output, Duration timeout, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " seconds. "
                        + "The tail of " + output + ":\n" + tail(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + ". The tail "
                        + "of " + output + ":\n" + tail(output));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + what, e);
        }
    }

    private GaleraNode node(int number) {
        if (number < 1 || number > NODES) {
            throw new IllegalArgumentException("Node " + number + " does not exist: nodes are 1 to " + NODES);
        }
        return nodes.get(number - 1);
    }

    private GaleraNode liveNode() {
        for (GaleraNode node : nodes) {
            if (processes[node.number() - 1] != null) {
                return node;
            }
        }
        throw new IllegalStateException("No node of the cluster is running");
    }

    private static String serverUrl(GaleraNode node) {
        return "jdbc:mariadb://127.0.0.1:" + node.sqlPort() + "/?connectTimeout=1000";
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(" + file + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the cluster", e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the cluster's folder " + dir, e);
        }
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }
}
