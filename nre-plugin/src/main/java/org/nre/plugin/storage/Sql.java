package org.nre.plugin.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.nre.hostapi.storage.Database;

/** Plain JDBC with the plumbing taken out: statements, mapping, transactions, and UTC times. */
public final class Sql {

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Transactions transactions;
    private final String changeStamp;

    /** How a transaction is run: once, or by the host's helper, again when another transaction won. */
    @FunctionalInterface
    private interface Transactions {
        <T> T run(Work<T> work) throws SQLException;
    }

    /** Plain access to a pool of the plugin's own (a test's): writes run as they are, each transaction once. */
    public Sql(DataSource dataSource) {
        this(dataSource, null);
    }

    /**
     * Access to a pool of the plugin's own (a test's) whose every write also runs {@code changeStamp} in the same
     * transaction (see {@link Changes}); each transaction runs once.
     *
     * @param dataSource where the tables are
     * @param changeStamp the statement that moves the stored data's version on
     */
    public Sql(DataSource dataSource, String changeStamp) {
        this.dataSource = dataSource;
        this.transactions = new Transactions() {
            @Override
            public <T> T run(Work<T> work) throws SQLException {
                return once(dataSource, work);
            }
        };
        this.changeStamp = changeStamp;
    }

    /**
     * Access through the host's database, whose every write also runs {@code changeStamp} in the same transaction
     * (see {@link Changes}); a transaction that another one beat (on a Galera cluster, another node's commit) is run
     * again by the host.
     *
     * @param database the host's database
     * @param changeStamp the statement that moves the stored data's version on
     */
    public Sql(Database database, String changeStamp) {
        this.dataSource = database.dataSource();
        this.transactions = new Transactions() {
            @Override
            public <T> T run(Work<T> work) throws SQLException {
                return database.transaction(work::run);
            }
        };
        this.changeStamp = changeStamp;
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        return run("reading", connection -> list(connection, sql, row, params));
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    public int update(String sql, Object... params) {
        if (changeStamp != null) {
            return inTransaction(connection -> update(connection, sql, params));
        }
        return run("writing", connection -> update(connection, sql, params));
    }

    /**
     * Runs the work in one transaction: all of it is stored, or none of it. The work may run more than once (see
     * {@link Database#transaction}): it must only read and write the database.
     */
    public <T> T inTransaction(Work<T> work) {
        try {
            return transactions.run(connection -> {
                T result = work.run(connection);
                if (changeStamp != null) {
                    update(connection, changeStamp);
                }
                return result;
            });
        } catch (SQLException e) {
            throw new StorageException("The NRE plugin's storage failed while writing: " + e.getMessage(), e);
        }
    }

    private static <T> T once(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException("The NRE plugin's storage failed while " + what + ": " + e.getMessage(), e);
        }
    }

    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs one statement of a transaction that may break a unique key, answering {@code ifDuplicate} when it does.
     * After an error PostgreSQL refuses every further statement of the transaction, so the statement runs behind a
     * savepoint, and the transaction goes on from before it on every database alike.
     */
    public static <T> T unlessDuplicate(Connection connection, Work<T> statement, T ifDuplicate) throws SQLException {
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            T result = statement.run(connection);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return ifDuplicate;
        }
    }

    /** Whether an exception is a unique or primary key violation (SQL state class 23). */
    public static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                statement.setObject(i + 1, param instanceof Instant instant ? utc(instant) : param);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    // Times are UTC wall-clock values read and written as LocalDateTime, so that neither the JVM's nor the
    // server's time zone (nor a daylight-saving gap) shifts them.
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
