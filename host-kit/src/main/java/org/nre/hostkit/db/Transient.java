package org.nre.hostkit.db;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Failures after which the same transaction may well succeed when run again: the database chose it as a
 * deadlock's victim, could not serialize it, or (Galera) another node's commit won the certification.
 */
final class Transient {

    /** MariaDB's "lock wait timeout exceeded" comes with the general SQLState HY000. */
    static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    static final int MARIADB_DEADLOCK = 1213;

    private Transient() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 40001: serialization failure and deadlock (MariaDB, H2, PostgreSQL); 40P01: PostgreSQL's deadlock
                if (state != null && state.startsWith("40")) {
                    return true;
                }
                if (sql.getErrorCode() == MARIADB_DEADLOCK || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A short wait with jitter, so that two transactions that collided do not collide again in step. */
    static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + ThreadLocalRandom.current().nextLong(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a transaction", e);
        }
    }
}
