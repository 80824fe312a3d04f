package org.nre.hostkit.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** What a failure says of the database, as each product's driver reports it. */
class TransientTest {

    @Test
    void deadlocksSerializationFailuresAndLockTimeoutsAreRetriedOnEveryProduct() {
        assertThat(Transient.is(storage(new SQLException("Deadlock found", "40001", 1213)))).as("MariaDB").isTrue();
        assertThat(Transient.is(storage(new SQLException("Lock wait timeout exceeded", "HY000", 1205))))
                .as("MariaDB's lock wait timeout").isTrue();
        assertThat(Transient.is(storage(new SQLException("Deadlock detected", "40001", 40001)))).as("H2").isTrue();
        assertThat(Transient.is(storage(new SQLException("ERROR: deadlock detected", "40P01"))))
                .as("PostgreSQL's deadlock").isTrue();
        assertThat(Transient.is(storage(new SQLException("ERROR: could not serialize access", "40001"))))
                .as("PostgreSQL's serialization failure").isTrue();
        assertThat(Transient.is(storage(new SQLException("ERROR: canceling statement due to lock timeout",
                "55P03")))).as("PostgreSQL's lock timeout").isTrue();
    }

    @Test
    void aRefusedStatementIsNeitherRetriedNorAnOutage() {
        for (SQLException refused : new SQLException[] {
            new SQLException("ERROR: duplicate key value violates unique constraint", "23505"),
            new SQLException("ERROR: relation \"no_such_table\" does not exist", "42P01"),
            new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062),
            new SQLException("Table 'nre.no_such_table' doesn't exist", "42S02", 1146)}) {
            assertThat(Transient.is(storage(refused))).as(refused.getMessage()).isFalse();
            assertThat(storage(refused).unavailable()).as(refused.getMessage()).isFalse();
        }
    }

    @Test
    void aLostConnectionAServerShuttingDownAndExhaustedResourcesAreOutages() {
        assertThat(storage(new SQLException("An I/O error occurred while sending to the backend.", "08006"))
                .unavailable()).as("PostgreSQL's lost connection").isTrue();
        assertThat(storage(new SQLException("Connection to 127.0.0.1:5432 refused.", "08001")).unavailable())
                .as("PostgreSQL refusing connections").isTrue();
        assertThat(storage(new SQLException("FATAL: terminating connection due to administrator command", "57P01"))
                .unavailable()).as("PostgreSQL's shutdown").isTrue();
        assertThat(storage(new SQLException("FATAL: the database system is starting up", "57P03")).unavailable())
                .as("PostgreSQL starting").isTrue();
        assertThat(storage(new SQLException("FATAL: sorry, too many clients already", "53300")).unavailable())
                .as("PostgreSQL out of connections").isTrue();
        assertThat(storage(new SQLException("ERROR: could not extend file: No space left on device", "53100"))
                .unavailable()).as("PostgreSQL's full disk").isTrue();
        assertThat(storage(new SQLNonTransientConnectionException("Socket error", "08000")).unavailable())
                .as("MariaDB's lost connection").isTrue();
        assertThat(storage(new SQLTransientConnectionException("console - Connection is not available, request "
                + "timed out after 3000ms.")).unavailable()).as("the pool's timeout").isTrue();
        assertThat(storage(new SQLException("Database is already closed", "90098", 90098)).unavailable())
                .as("H2 closed").isTrue();
    }

    private static StorageException storage(SQLException cause) {
        return new StorageException("SELECT 1", cause);
    }
}
