package org.nre.bench.admin;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * How fast the administrators' pages answer as a district grows: a real console process (the NRE plugin loaded) on
 * a database seeded with N users, N/20 groups (at most 500), memberships, grants and an audit log of M entries;
 * each page asked for in turn by a signed-in administrator, {@code /healthz} beside them as the floor; the median
 * and the 90th percentile of each, per size. docs/performance.md, "Administration at district scale".
 */
public final class AdminPagesLoad {

    static final String ADMIN_PASSWORD = "bench-console-password-7";
    static final String[] FIRST = {"Alex", "Sam", "Lee", "Nina", "Chris", "Jordan", "Taylor", "Morgan", "Casey",
        "Riley", "Jamie", "Avery", "Quinn", "Drew", "Robin", "Kim"};
    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
        "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis"};
    static final String[] ACTIONS = {"signin", "signin.failed", "panel.action", "panel.denied", "rights.changed",
        "user.changed", "nre.state", "password.changed"};

    /** One size of district. */
    record Size(int users, int groups, int audit) {
        String name() {
            return users + "-users-" + audit + "-audit";
        }
    }

    private final Path consoleJar;
    private final Path plugins;
    private final Path work;
    private final int rounds;

    private AdminPagesLoad(Path consoleJar, Path plugins, Path work, int rounds) {
        this.consoleJar = consoleJar;
        this.plugins = plugins;
        this.work = work;
        this.rounds = rounds;
    }

    /**
     * Arguments: the console's jar, the plugins folder, a scratch folder, the database (h2, or a JDBC URL of a
     * MariaDB or PostgreSQL server's database the run may drop and fill), rounds per page, then sizes as
     * USERS:AUDIT (such as 100:1000 10000:1000000).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: AdminPagesLoad CONSOLE_JAR PLUGINS_DIR WORK_DIR h2|JDBC_URL ROUNDS USERS:AUDIT...");
            System.exit(2);
        }
        AdminPagesLoad load = new AdminPagesLoad(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                Integer.parseInt(args[4]));
        boolean slow = false;
        for (int i = 5; i < args.length; i++) {
            String[] parts = args[i].split(":");
            int users = Integer.parseInt(parts[0]);
            Size size = new Size(users, Math.max(5, Math.min(500, users / 20)), Integer.parseInt(parts[1]));
            slow |= load.run(args[3], size);
        }
        System.exit(slow ? 1 : 0);
    }

    /** Seeds, starts, measures; true when a page's median is over 200 ms. */
    private boolean run(String database, Size size) throws Exception {
        Path data = Files.createDirectories(work.resolve(size.name() + "-data"));
        String url;
        String user = "";
        if (database.equals("h2")) {
            url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("console") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH";
            user = "sa";
        } else {
            url = database;
            user = database.startsWith("jdbc:postgresql:") ? System.getProperty("user.name") : "root";
            recreate(url, user);
        }
        // The console creates its schema and the demo district; then it stops, the district grows, and it starts again.
        try (ConsoleProcess first = ConsoleProcess.start(consoleJar, plugins, data, url, user, work.resolve(size.name()
                + "-first.log"))) {
            figure(size, "first-start", "ok");
        }
        long seeding = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            seed(connection, size);
        }
        figure(size, "seed-seconds", (System.nanoTime() - seeding) / 1_000_000_000);
        boolean slow = false;
        try (ConsoleProcess console = ConsoleProcess.start(consoleJar, plugins, data, url, user, work.resolve(size.name()
                + "-console.log"))) {
            Admin admin = Admin.signIn(console.port);
            String someone = "u-bench-" + (size.users() / 2);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("healthz", "/healthz");
            pages.put("home", "/");
            pages.put("notices", "/notices");
            pages.put("rights", "/admin/rights");
            pages.put("right", "/admin/rights/nre.registration");
            pages.put("right-search", "/admin/rights/nre.registration?q=smi");
            pages.put("right-everyone-middle", "/admin/rights/nre.registration?all=1&from=" + (size.users() / 2));
            pages.put("right-group-held", "/admin/rights/nre.settings");
            pages.put("effective-rights", "/admin/users/" + someone + "/rights");
            pages.put("audit", "/admin/audit");
            LocalDateTime today = LocalDateTime.now(ZoneOffset.UTC);
            pages.put("audit-surname", "/admin/audit?actor=garcia");
            pages.put("audit-person", "/admin/audit?actor=garcia%2C%20robin");
            pages.put("audit-action-week", "/admin/audit?action=rights.changed&from=" + today.minusDays(7).toLocalDate()
                    + "T00:00");
            pages.put("audit-failed", "/admin/audit?outcome=FAILED");
            pages.put("audit-week-long-ago", "/admin/audit?from=" + today.minusDays(300).toLocalDate() + "T00:00&to="
                    + today.minusDays(293).toLocalDate() + "T00:00");
            String next = admin.get("/api/audit?limit=100").body().replaceAll("(?s).*\"next\":\"([^\"]+)\".*", "$1");
            pages.put("audit-older-page", "/admin/audit?before=" + next);
            pages.put("audit-csv-user", "/admin/audit.csv?actor=garcia%2C%20robin&from=" + today.minusDays(30)
                    .toLocalDate() + "T00:00");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                int status = admin.get(page.getValue()).statusCode();
                if (status != 200) {
                    throw new IllegalStateException(page.getValue() + " answered " + status + "; see the console's log");
                }
            }
            Map<String, long[]> micros = new LinkedHashMap<>();
            pages.keySet().forEach(name -> micros.put(name, new long[rounds]));
            for (int warm = 0; warm < Math.max(10, rounds / 2); warm++) {
                for (String path : pages.values()) {
                    admin.get(path);
                }
            }
            // Round-robin, so that whatever else the machine does falls on every page alike.
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    long started = System.nanoTime();
                    admin.get(page.getValue());
                    micros.get(page.getKey())[round] = (System.nanoTime() - started) / 1000;
                }
            }
            for (Map.Entry<String, long[]> page : micros.entrySet()) {
                long[] sorted = page.getValue().clone();
                Arrays.sort(sorted);
                double median = sorted[sorted.length / 2] / 1000.0;
                double p90 = sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))] / 1000.0;
                figure(size, page.getKey() + ".median-ms", String.format(Locale.ROOT, "%.1f", median));
                figure(size, page.getKey() + ".p90-ms", String.format(Locale.ROOT, "%.1f", p90));
                // The export streams every matching entry: a download, not a page, so it is reported, not judged.
                if (!page.getKey().equals("healthz") && !page.getKey().contains("csv") && median > 200) {
                    slow = true;
                    figure(size, page.getKey() + ".verdict", "SLOW");
                }
            }
        }
        return slow;
    }

    private static void figure(Size size, String name, Object value) {
        System.out.println("FIGURE admin." + size.name() + "." + name + " " + value);
    }

    private static void recreate(String url, String user) throws SQLException {
        int slash = url.lastIndexOf('/');
        String name = url.substring(slash + 1).replaceAll("[?;].*", "");
        if (!name.matches("nre_bench[a-z0-9_]*")) {
            throw new IllegalArgumentException("The benchmark drops its database: name it nre_bench..., not " + name);
        }
        boolean postgres = url.startsWith("jdbc:postgresql:");
        String server = url.substring(0, slash + 1) + (postgres ? "postgres" : "");
        try (Connection connection = DriverManager.getConnection(server, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
    }

    /** Users, groups with members, grants, and the audit log, in batches. */
    static void seed(Connection connection, Size size) throws SQLException {
        connection.setAutoCommit(false);
        Random random = new Random(42);
        String hash;
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT password_hash FROM host_user WHERE id = 'admin'")) {
            row.next();
            hash = row.getString(1);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        demoPeople(connection, hash, now);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO host_user (id, login, first_name, "
                + "last_name, password_hash, administrator, must_change_password, disabled, created_at, search_text) "
                + "VALUES (?, ?, ?, ?, ?, FALSE, FALSE, ?, ?, ?)")) {
            for (int i = 1; i <= size.users(); i++) {
                insert.setString(1, "u-bench-" + i);
                insert.setString(2, "staff" + i);
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)] + (i % 7 == 0 ? "-" + LAST[i % LAST.length] : "");
                insert.setString(3, first);
                insert.setString(4, last);
                insert.setString(5, hash);
                insert.setBoolean(6, i % 50 == 0);
                insert.setTimestamp(7, now);
                insert.setString(8, (first + " " + last + " staff" + i).toLowerCase(Locale.ROOT));
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (PreparedStatement group = connection.prepareStatement("INSERT INTO host_group (id, name, description, "
                + "created_at) VALUES (?, ?, ?, ?)");
             PreparedStatement member = connection.prepareStatement("INSERT INTO host_group_member (group_id, user_id) "
                     + "VALUES (?, ?)")) {
            for (int g = 1; g <= size.groups(); g++) {
                group.setString(1, "g-bench-" + g);
                group.setString(2, "School " + g + " staff");
                group.setString(3, "Everyone at school " + g);
                group.setTimestamp(4, now);
                group.addBatch();
            }
            group.executeBatch();
            for (int i = 1; i <= size.users(); i++) {
                // Each user is in their school's group and, for one in three, another.
                member.setString(1, "g-bench-" + (1 + i % size.groups()));
                member.setString(2, "u-bench-" + i);
                member.addBatch();
                if (i % 3 == 0 && size.groups() > 1) {
                    member.setString(1, "g-bench-" + (1 + (i % size.groups() + 1 + (i * 7) % (size.groups() - 1))
                            % size.groups()));
                    member.setString(2, "u-bench-" + i);
                    member.addBatch();
                }
                if (i % 1000 == 0) {
                    member.executeBatch();
                }
            }
            member.executeBatch();
        }
        try (PreparedStatement grant = connection.prepareStatement("INSERT INTO host_grant (subject_type, subject_id, "
                + "right_id, levels) VALUES (?, ?, ?, ?)")) {
            // The seed's rule for the NRE right (its two people, directly and through their group), a school's group
            // holding the settings right, and a few hundred direct grants of it.
            for (String[] row : List.of(new String[] {"USER", "u-sysadmin", "nre.registration", "RWD"},
                    new String[] {"USER", "u-backup", "nre.registration", "RW"},
                    new String[] {"GROUP", "g-sysadmins", "nre.registration", "R"},
                    new String[] {"GROUP", "g-bench-1", "nre.settings", "R"})) {
                for (int c = 0; c < 4; c++) {
                    grant.setString(c + 1, row[c]);
                }
                grant.addBatch();
            }
            for (int i = 1; i <= size.users(); i += Math.max(1, size.users() / 300)) {
                grant.setString(1, "USER");
                grant.setString(2, "u-bench-" + i);
                grant.setString(3, "nre.settings");
                grant.setString(4, "RW");
                grant.addBatch();
            }
            grant.executeBatch();
        }
        connection.commit();
        seedAudit(connection, size, random);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE host_rights_generation SET generation = generation + 1 WHERE slot = 1");
        }
        connection.commit();
    }

    /**
     * The district system administrator, their backup and their group, whom the NRE right's grants name: a console
     * on a database server seeds no demo district, so they are added where they are missing.
     */
    private static void demoPeople(Connection connection, String hash, Timestamp now) throws SQLException {
        try (Statement statement = connection.createStatement();
             var row = statement.executeQuery("SELECT COUNT(*) FROM host_user WHERE id = 'u-sysadmin'")) {
            row.next();
            if (row.getInt(1) > 0) {
                return;
            }
        }
        try (PreparedStatement user = connection.prepareStatement("INSERT INTO host_user (id, login, first_name, "
                + "last_name, password_hash, administrator, must_change_password, disabled, created_at, search_text) "
                + "VALUES (?, ?, ?, ?, ?, FALSE, FALSE, FALSE, ?, ?)");
             PreparedStatement group = connection.prepareStatement("INSERT INTO host_group (id, name, description, "
                     + "created_at) VALUES ('g-sysadmins', 'System Administrators', 'The district system "
                     + "administrator and their backup', ?)");
             PreparedStatement member = connection.prepareStatement("INSERT INTO host_group_member (group_id, user_id) "
                     + "VALUES ('g-sysadmins', ?)")) {
            for (String[] person : List.of(new String[] {"u-sysadmin", "sysadmin", "Alex", "Morgan"},
                    new String[] {"u-backup", "backup", "Sam", "Rivera"})) {
                user.setString(1, person[0]);
                user.setString(2, person[1]);
                user.setString(3, person[2]);
                user.setString(4, person[3]);
                user.setString(5, hash);
                user.setTimestamp(6, now);
                user.setString(7, (person[2] + " " + person[3] + " " + person[1]).toLowerCase(Locale.ROOT));
                user.executeUpdate();
                member.setString(1, person[0]);
                member.executeUpdate();
            }
            group.setTimestamp(1, now);
            group.executeUpdate();
        }
    }

    private static void seedAudit(Connection connection, Size size, Random random) throws SQLException {
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).minusDays(365);
        long step = Duration.ofDays(365).toMillis() / Math.max(1, size.audit());
        List<String> columns = auditColumns(connection);
        if (!columns.contains("outcome") || !columns.contains("actor_key")) {
            throw new IllegalStateException("host_audit has no outcome or actor_key column: the console is older than "
                    + "this benchmark; build it again");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO host_audit (at, source, actor_id, "
                + "actor_name, remote_address, action, detail, outcome, actor_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < size.audit(); i++) {
                int actor = 1 + random.nextInt(size.users());
                String action = ACTIONS[random.nextInt(ACTIONS.length)];
                insert.setTimestamp(1, Timestamp.valueOf(start.plusNanos(step * i * 1_000_000L)));
                insert.setString(2, action.startsWith("nre.") ? "nre" : "console");
                insert.setString(3, "u-bench-" + actor);
                String name = LAST[actor % LAST.length] + ", " + FIRST[actor % FIRST.length];
                insert.setString(4, name);
                insert.setString(5, "10.0." + (actor % 250) + "." + (1 + actor % 200));
                insert.setString(6, action);
                insert.setString(7, "Entry " + i + ": " + action + " by staff" + actor + " on the district's console");
                insert.setString(8, action.endsWith(".failed") ? "FAILED" : action.endsWith(".denied") ? "REFUSED"
                        : "SUCCESS");
                insert.setString(9, name.toLowerCase(Locale.ROOT));
                insert.addBatch();
                if (i % 5000 == 4999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    static List<String> auditColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT * FROM host_audit WHERE 1 = 0")) {
            for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                columns.add(rows.getMetaData().getColumnName(c).toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    /** An administrator's session: the cookie from a real sign-in. */
    private record Admin(HttpClient client, int port, String cookie) {

        static Admin signIn(int port) throws IOException, InterruptedException {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/signin")).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", "http://127.0.0.1:" + port)
                    .POST(HttpRequest.BodyPublishers.ofString("login=admin&password=" + ADMIN_PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = answer.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                    .reduce((a, b) -> a + "; " + b).orElseThrow(() -> new IllegalStateException(
                            "Signing in answered " + answer.statusCode() + " without a cookie"));
            return new Admin(client, port, cookie);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A console started with {@code java -jar}, stopped when closed. */
    private static final class ConsoleProcess implements AutoCloseable {
        final Process process;
        final int port;

        private ConsoleProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static ConsoleProcess start(Path jar, Path plugins, Path data, String url, String user, Path log)
                throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "--port", String.valueOf(port), "--plugins", plugins.toString(),
                    "--data", data.toString(), "--db-url", url, "--db-user", user, "--server-address", "127.0.0.1"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("NRE_ADMIN_PASSWORD", ADMIN_PASSWORD, "NRE_DEMO_PASSWORD",
                    "bench-demo-password-7"));
            ConsoleProcess console = new ConsoleProcess(builder.start(), port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains(" listening on ")) {
                if (!console.process.isAlive() || System.nanoTime() > deadline) {
                    console.close();
                    throw new IllegalStateException("The console did not start; see " + log);
                }
                Thread.sleep(100);
            }
            return console;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
