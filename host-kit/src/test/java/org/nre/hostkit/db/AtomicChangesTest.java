package org.nre.hostkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;

/**
 * One atomic change on a real server (InnoDB on MariaDB, and PostgreSQL): every store's statement in it, and
 * retried after a deadlock, a few times.
 */
@ParameterizedClass
@EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
class AtomicChangesTest {

    static ServerDatabase database;
    static HikariDataSource source;
    static Jdbc jdbc;

    @Parameter
    DatabaseProduct product;

    @BeforeParameterizedClassInvocation
    static void start(DatabaseProduct product) {
        database = ServerDatabase.fresh(product);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        source = new HikariDataSource(config);
        jdbc = new Jdbc(source, product);
        jdbc.update("CREATE TABLE account (id INT PRIMARY KEY, balance INT NOT NULL)");
        jdbc.update("INSERT INTO account VALUES (1, 100), (2, 100)");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyStatementInsideCommitsOrRollsBackTogether() {
        assertThatThrownBy(() -> jdbc.atomically(() -> {
            jdbc.update("UPDATE account SET balance = balance - 10 WHERE id = 1");
            jdbc.update("UPDATE account SET balance = balance + 10 WHERE id = 3 OR no_such_column = 1");
            return null;
        })).isInstanceOf(StorageException.class);

        assertThat(balance(1)).isEqualTo(100);
    }

    @Test
    void storesOverTheSamePoolThroughAnotherJdbcJoinTheChangeAndRollBackWithIt() {
        Jdbc consoles = new Jdbc(source, jdbc.product());

        assertThatThrownBy(() -> jdbc.atomically(() -> {
            consoles.update("UPDATE account SET balance = balance - 10 WHERE id = 1");
            jdbc.update("UPDATE account SET no_such_column = 1 WHERE id = 2");
            return null;
        })).isInstanceOf(StorageException.class);

        assertThat(balance(1)).as("the other Jdbc's write was part of the change").isEqualTo(100);
    }

    @Test
    void theVictimOfARealDeadlockIsRunAgainAndBothChangesCommit() throws Exception {
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transfer(1, 2, bothHoldOneRow, attempts));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transfer(2, 1, bothHoldOneRow, attempts));

        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertThat(attempts.get()).as("the database chose one of the two as its deadlock's victim").isEqualTo(3);
        assertThat(balance(1) + balance(2)).isEqualTo(200);
    }

    @Test
    void aChangeThatKeepsFailingTransientlyIsTriedThreeTimesThenFails() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> jdbc.atomically(() -> {
            attempts.incrementAndGet();
            throw new StorageException("UPDATE account", new SQLTransactionRollbackException("Deadlock found",
                    "40001", 1213));
        })).isInstanceOf(StorageException.class).hasMessageContaining("Deadlock found");

        assertThat(attempts.get()).isEqualTo(Jdbc.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> jdbc.atomically(() -> {
            attempts.incrementAndGet();
            return jdbc.update("UPDATE no_such_table SET x = 1");
        })).isInstanceOf(StorageException.class);

        assertThat(attempts.get()).isEqualTo(1);
    }

    @Test
    void aPluginsTransactionThatLosesARealDeadlockIsRunAgainAndBothCommit() throws Exception {
        CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        int before = balance(1) + balance(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> pluginTransfer(1, 2, bothHoldOneRow,
                attempts));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> pluginTransfer(2, 1, bothHoldOneRow,
                attempts));

        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertThat(attempts.get()).as("one of the two ran again, nothing was written twice").isEqualTo(3);
        assertThat(balance(1) + balance(2)).isEqualTo(before);
    }

    @Test
    void aPluginsTransactionGivesUpAfterThreeAttemptsAndOtherFailuresAtOnceWithTheFailureAsItCame() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> jdbc.retried(connection -> {
            attempts.incrementAndGet();
            throw new SQLTransactionRollbackException("WSREP detected deadlock/conflict and aborted the transaction",
                    "40001", 1213);
        })).isInstanceOf(SQLTransactionRollbackException.class).hasMessageContaining("WSREP");
        assertThat(attempts.get()).isEqualTo(Jdbc.ATTEMPTS);

        attempts.set(0);
        int before = balance(1);
        assertThatThrownBy(() -> jdbc.retried(connection -> {
            attempts.incrementAndGet();
            Jdbc.update(connection, "UPDATE account SET balance = balance - 5 WHERE id = 1");
            return Jdbc.update(connection, "UPDATE no_such_table SET x = 1");
        })).isInstanceOf(java.sql.SQLException.class);
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(balance(1)).as("rolled back whole").isEqualTo(before);
    }

    private static void pluginTransfer(int from, int to, CyclicBarrier bothHoldOneRow, AtomicInteger attempts) {
        try {
            jdbc.retried(connection -> {
                int attempt = attempts.incrementAndGet();
                Jdbc.update(connection, "UPDATE account SET balance = balance - 1 WHERE id = ?", from);
                if (attempt <= 2) {
                    try {
                        bothHoldOneRow.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                Jdbc.update(connection, "UPDATE account SET balance = balance + 1 WHERE id = ?", to);
                return null;
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void transfer(int from, int to, CyclicBarrier bothHoldOneRow, AtomicInteger attempts) {
        jdbc.atomically(() -> {
            int attempt = attempts.incrementAndGet();
            jdbc.update("UPDATE account SET balance = balance - 1 WHERE id = ?", from);
            if (attempt <= 2) {
                try {
                    bothHoldOneRow.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            jdbc.update("UPDATE account SET balance = balance + 1 WHERE id = ?", to);
            return null;
        });
    }

    private static int balance(int id) {
        return jdbc.one("SELECT balance FROM account WHERE id = ?", row -> row.getInt(1), id).orElseThrow();
    }
}
