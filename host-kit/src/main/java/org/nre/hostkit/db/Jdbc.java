package org.nre.hostkit.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.nre.hostapi.storage.DatabaseProduct;

/**
 * Small helpers over plain JDBC, so that stores hold SQL and mapping, not plumbing. Inside {@link #atomically}
 * every call on this thread, whichever store makes it through whichever {@code Jdbc} over the same pool (the
 * kit's or the console's own), runs in the one transaction.
 */
public final class Jdbc {

    /**
     * Attempts of one atomic change when the database reports a deadlock or a serialization failure: enough that
     * changes pressed on every node of a Galera cluster at once, all on one row, each land.
     */
    static final int ATTEMPTS = 5;

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The atomic change a thread is in: its pool and connection. */
    private record Binding(DataSource dataSource, Connection connection) {
    }

    // Shared by every instance, so that a console's stores and the kit's join one change on the same pool.
    private static final ThreadLocal<Binding> BOUND = new ThreadLocal<>();

    private final DataSource dataSource;
    private final DatabaseProduct product;

    public Jdbc(DataSource dataSource, DatabaseProduct product) {
        this.dataSource = dataSource;
        this.product = product;
    }

    /** The product the pool's database is, for the rare statement that must differ: a store decides it once. */
    public DatabaseProduct product() {
        return product;
    }

    /**
     * Runs the work as one transaction: every read and write of every store on this thread joins it, and it
     * commits or rolls back whole. A deadlock or serialization failure rolls it back and runs the work again,
     * up to {@link #ATTEMPTS} times in all, so the work must do nothing outside the database that it cannot
     * do twice. Called inside another atomic change, it joins that one.
     */
    public <T> T atomically(Supplier<T> work) {
        if (joined() != null) {
            return work.get();
        }
        return runAgainWhenBeaten(() -> inTransaction(connection -> {
            Binding outer = BOUND.get();
            BOUND.set(new Binding(dataSource, connection));
            try {
                return work.get();
            } finally {
                BOUND.set(outer);
            }
        }));
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(sql, connection -> list(connection, sql, mapper, params));
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /**
     * Runs one statement; on its own (outside an atomic change) it is its own transaction, run again as
     * {@link #atomically} is when another transaction won: a statement that lost was rolled back whole.
     */
    public int update(String sql, Object... params) {
        Supplier<Integer> statement = () -> withConnection(sql, connection -> update(connection, sql, params));
        return joined() != null ? statement.get() : runAgainWhenBeaten(statement);
    }

    /** Runs a transaction of its own, and again when the database rolled it back because another one won. */
    private static <T> T runAgainWhenBeaten(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (StorageException e) {
                if (attempt >= ATTEMPTS || !Transient.is(e)) {
                    throw e;
                }
                Transient.pause(attempt);
            }
        }
    }

    /** The connection of the atomic change this thread is in on this pool, or null. */
    private Connection joined() {
        Binding binding = BOUND.get();
        return binding != null && binding.dataSource() == dataSource ? binding.connection() : null;
    }

    /** Runs one statement's work on the atomic change's connection, or on a connection of its own. */
    private <T> T withConnection(String sql, TransactionWork<T> work) {
        Connection joined = joined();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new StorageException(sql, e);
        }
    }

    /** Runs the work in a transaction of its own, or in the atomic change this thread is in. */
    public <T> T inTransaction(TransactionWork<T> work) {
        Connection joined = joined();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StorageException("transaction", e);
            }
        }
        try {
            return once(work);
        } catch (SQLException e) {
            throw new StorageException("transaction", e);
        }
    }

    /** Runs the work in one transaction of its own on a connection of the pool: committed or rolled back whole. */
    private <T> T once(TransactionWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Runs the work in a transaction of its own, run again as {@link #atomically} is when another transaction won,
     * for a plugin's statements ({@code Database.transaction}): the failure that ends it is given as it came.
     */
    public <T> T retried(TransactionWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException | RuntimeException e) {
                if (attempt >= ATTEMPTS || !Transient.is(e)) {
                    throw e;
                }
            }
            Transient.pause(attempt);
        }
    }

    public static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params);
             ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    public static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params)
            throws SQLException {
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

    /** Times are stored as UTC wall-clock values, so that no server or JVM time zone shifts them. */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
