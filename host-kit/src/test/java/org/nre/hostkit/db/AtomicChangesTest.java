package org.nre.hostkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;
import org.nre.hostkit.MariaDb;

/** One atomic change on a real InnoDB: every store's statement in it, and retried after a deadlock, a few times. */
class AtomicChangesTest {

    static MariaDb mariaDb;
    static MariaDbDataSource source;
    static Jdbc jdbc;

    @BeforeAll
    static void start() throws Exception {
        mariaDb = MariaDb.freshDatabase();
        source = new MariaDbDataSource(mariaDb.url());
        source.setUser(mariaDb.user());
        source.setPassword(mariaDb.password());
        jdbc = new Jdbc(source);
        jdbc.update("CREATE TABLE account (id INT PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB");
        jdbc.update("INSERT INTO account VALUES (1, 100), (2, 100)");
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
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
        Jdbc consoles = new Jdbc(source);

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

        assertThat(attempts.get()).as("InnoDB chose one of the two as its deadlock's victim").isEqualTo(3);
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
