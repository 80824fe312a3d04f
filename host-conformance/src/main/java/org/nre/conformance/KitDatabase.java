package org.nre.conformance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A fresh in-memory database for the nodes of one test, and what the kit reads back from it: the probe's and the
 * consumer's records, the tables and the migration histories.
 */
final class KitDatabase implements AutoCloseable {

    private static final String HISTORY_SUFFIX = "_schema_history";
    private static final Duration POLL = Duration.ofMillis(100);

    /** One run of the probe's repeating task. */
    record Tick(String node, long startedAt, long endedAt) {
    }

    private final String url;

    private KitDatabase(String url) {
        this.url = url;
    }

    /** A database no node has used yet, kept until closed. */
    static KitDatabase fresh() {
        return new KitDatabase("jdbc:h2:mem:conformance-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    String url() {
        return url;
    }

    /** What the probe observed under a name, oldest first. */
    List<String> observed(String name) {
        return column("SELECT observed FROM conformance_probe_observation WHERE name = ? ORDER BY id", name);
    }

    /** What the consumer observed under a name, oldest first. */
    List<String> consumerObserved(String name) {
        return column("SELECT observed FROM conformance_consumer_observation WHERE name = ? ORDER BY id", name);
    }

    /** The runs of the probe's task, in the order they started. */
    List<Tick> ticks() {
        return query("SELECT node, started_at, ended_at FROM conformance_probe_tick ORDER BY started_at, id", rows -> {
            List<Tick> ticks = new ArrayList<>();
            while (rows.next()) {
                ticks.add(new Tick(rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
            return ticks;
        });
    }

    /** Waits until the probe's task has run once started after the given moment, or the time is up. */
    void awaitTickStartedAfter(long epochMillis, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (tableExists("conformance_probe_tick")
                    && ticks().stream().anyMatch(tick -> tick.startedAt() > epochMillis)) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The names of every table outside the database's own catalogue, in lower case. */
    Set<String> tables() {
        return withConnection(connection -> {
            Set<String> tables = new TreeSet<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", null)) {
                while (rows.next()) {
                    String type = rows.getString("TABLE_TYPE");
                    if (!isCatalogue(rows.getString("TABLE_SCHEM")) && type != null && type.contains("TABLE")) {
                        tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            return tables;
        });
    }

    boolean tableExists(String table) {
        return tables().contains(table);
    }

    /** The names of a table's columns, in lower case. */
    Set<String> columns(String table) {
        return withConnection(connection -> {
            Set<String> columns = new TreeSet<>();
            try (ResultSet rows = connection.getMetaData().getColumns(null, null, table, null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return columns;
        });
    }

    /** Every migration history table, by name, with its rows. */
    Map<String, List<String>> histories() {
        Map<String, List<String>> histories = new TreeMap<>();
        for (String table : tables()) {
            if (table.endsWith(HISTORY_SUFFIX)) {
                histories.put(table, rows(table));
            }
        }
        return histories;
    }

    /** The versions a Flyway history records as migrated successfully, leaving out its baseline. */
    List<String> migratedVersions(String historyTable) {
        return column("SELECT version FROM " + historyTable
                + " WHERE success = TRUE AND version IS NOT NULL AND type <> 'BASELINE' ORDER BY installed_rank");
    }

    /** A table's rows, each as its values joined, in the order the database gives them. */
    List<String> rows(String table) {
        return query("SELECT * FROM " + table, rows -> {
            List<String> all = new ArrayList<>();
            int count = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= count; i++) {
                    row.append(i > 1 ? " | " : "").append(rows.getString(i));
                }
                all.add(row.toString());
            }
            all.sort(null);
            return all;
        });
    }

    /**
     * Where a text is stored, in the clear or in plain base64: each {@code table.column} holding it, in any table.
     */
    List<String> placesHolding(String text) {
        String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        List<String> places = new ArrayList<>();
        for (String table : tables()) {
            query("SELECT * FROM " + table, rows -> {
                ResultSetMetaData columns = rows.getMetaData();
                while (rows.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        String value = value(rows, i, columns.getColumnType(i));
                        String place = table + "." + columns.getColumnName(i).toLowerCase(Locale.ROOT);
                        if (value != null && (value.contains(text) || value.contains(encoded))
                                && !places.contains(place)) {
                            places.add(place);
                        }
                    }
                }
                return null;
            });
        }
        return places;
    }

    /** Drops the in-memory database. */
    @Override
    public void close() {
        withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            return null;
        });
    }

    private static String value(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] bytes = rows.getBytes(column);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
        return rows.getString(column);
    }

    private static boolean isCatalogue(String schema) {
        return schema != null && schema.equalsIgnoreCase("information_schema");
    }

    private List<String> column(String sql, Object... values) {
        return query(sql, rows -> {
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add(rows.getString(1));
            }
            return found;
        }, values);
    }

    private <T> T query(String sql, Rows<T> reader, Object... values) {
        return withConnection(connection -> {
            try (var statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = DriverManager.getConnection(url, ConformanceHost.DATABASE_USER, "")) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The kit could not read the nodes' database: " + e.getMessage(), e);
        }
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
