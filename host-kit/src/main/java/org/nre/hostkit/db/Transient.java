package org.nre.hostkit.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a database failure says of the database: that the same transaction may well succeed when run again (it
 * was chosen as a deadlock's victim, could not be serialized, waited too long for a lock, or on Galera another
 * node's commit won the certification), or that the database cannot be reached or cannot serve now. Read from
 * SQL states, the same on MariaDB, H2 and PostgreSQL where they agree, and from each one's codes where not.
 */
final class Transient {

    /** MariaDB's "lock wait timeout exceeded" comes with the general SQLState HY000. */
    static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    static final int MARIADB_DEADLOCK = 1213;
    /** PostgreSQL's lock_not_available: a lock_timeout ran out, as MariaDB's lock wait timeout. */
    static final String POSTGRESQL_LOCK_NOT_AVAILABLE = "55P03";
    /** H2's "database is already closed" (after running out of memory, say) and "database called at shutdown". */
    static final int H2_DATABASE_CLOSED = 90098;
    static final int H2_DATABASE_SHUTDOWN = 90121;

    private Transient() {
    }

    /** Whether the failure rolled a transaction back that may well succeed when run again. */
    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 40: transaction rollback, as 40001 (serialization failure, and the deadlock of MariaDB and
                // H2) and PostgreSQL's 40P01 (deadlock detected)
                if (state != null && (state.startsWith("40") || state.equals(POSTGRESQL_LOCK_NOT_AVAILABLE))) {
                    return true;
                }
                if (sql.getErrorCode() == MARIADB_DEADLOCK || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the failure says the database cannot be reached or cannot serve now, rather than that it refused a
     * statement: a connection failed or could not be had (class 08, or the pool's timeout), the server is shutting
     * down or not accepting connections yet (PostgreSQL's 57P01, 57P02, 57P03), or it ran out of resources (class
     * 53: disk full, out of memory, too many connections).
     */
    static boolean unavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.equals("57P01")
                        || state.equals("57P02") || state.equals("57P03"))) {
                    return true;
                }
                if (sql.getErrorCode() == H2_DATABASE_CLOSED || sql.getErrorCode() == H2_DATABASE_SHUTDOWN) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A wait that doubles at each attempt (10, 20, 40, 80 ms), plus as much again at random, so that transactions
     * that collided do not collide again in step: about 300 ms at most over four waits.
     */
    static void pause(int attempt) {
        long base = 10L << Math.min(attempt - 1, 6);
        try {
            Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
