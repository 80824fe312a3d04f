package org.nre.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.status.RouterHealthStore;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.terms.TermsStore;
import org.nre.plugin.testing.TestDatabase;

/** The plugin's storage on both databases a console may run on: the embedded one and MariaDB. */
class StorageTest {

    static final Instant T0 = Instant.parse("2026-11-28T19:04:44.123456Z");

    TestDatabase database;

    void open(DatabaseProduct product) {
        database = TestDatabase.of(product);
        assertThat(database.migrate("db/nre").schemaVersion()).isEqualTo("3");
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aRegistrationIsStoredOnceAndChangesOnlyFromTheVersionThatWasRead(DatabaseProduct product) {
        open(product);
        Sql sql = new Sql(database.dataSource());
        RegistrationStore store = new RegistrationStore(sql);
        Registration first = registration(RegistrationState.UNKNOWN, 0, "key-1");

        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, first))).isTrue();
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, registration(RegistrationState.UNKNOWN, 0, "key-2"))))
                .as("a second registration for the same district").isFalse();

        Registration stored = store.find("IL-0150").orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.registeredAt()).isEqualTo(T0);
        assertThat(stored.idempotencyKey()).isEqualTo("key-1");

        Registration pending = stored.moved(RegistrationState.PENDING, "", "reg-1", T0.plusSeconds(1));
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, pending))).isTrue();
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, stored.moved(RegistrationState.ACTIVE, "", "reg-1",
                T0.plusSeconds(2))))).as("a change from a version that is no longer current").isFalse();

        Registration now = store.find("IL-0150").orElseThrow();
        assertThat(now.state()).isEqualTo(RegistrationState.PENDING);
        assertThat(now.routerRegistrationId()).isEqualTo("reg-1");
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.lastRouterContact()).isEqualTo(T0.plusSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void historyIsAddedToAndReadNewestFirst(DatabaseProduct product) {
        open(product);
        RegistrationStore store = new RegistrationStore(new Sql(database.dataSource()));
        store.record("IL-0150", new HistoryEntry(T0, "jdoe", "Doe, Jane", "10.0.0.7", "register",
                RegistrationState.NOT_REGISTERED, RegistrationState.UNKNOWN, "Sent."));
        store.record("IL-0150", new HistoryEntry(T0.plusSeconds(5), "system", "System", "local", "status",
                RegistrationState.PENDING, RegistrationState.ACTIVE, "Authorized. " + "x".repeat(3000)));

        var history = store.history("IL-0150", 10);

        assertThat(history).extracting(HistoryEntry::action).containsExactly("status", "register");
        assertThat(history.get(0).detail()).hasSize(2000);
        assertThat(history.get(1).fromState()).isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(history.get(1).at()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void termsAndEveryAcceptanceAreKept(DatabaseProduct product) {
        open(product);
        Sql sql = new Sql(database.dataSource());
        TermsStore terms = new TermsStore(sql);
        String longText = "Terms of Service.\n\n" + "Clause. ".repeat(20_000);
        terms.save(new Terms("2026-07", LocalDate.of(2026, 7, 1), "sha256:aaa", longText, T0));
        terms.save(new Terms("2026-07", LocalDate.of(2026, 7, 1), "sha256:aaa", longText, T0.plusSeconds(60)));
        terms.save(new Terms("2026-07", LocalDate.of(2026, 7, 1), "sha256:bbb", "Changed text.", T0.plusSeconds(120)));

        assertThat(terms.latest()).map(Terms::digest).contains("sha256:bbb");
        assertThat(sql.one("SELECT COUNT(*) FROM nre_terms", r -> r.getInt(1))).contains(2);
        assertThat(sql.one("SELECT body FROM nre_terms WHERE digest = 'sha256:aaa'", r -> r.getString(1)))
                .contains(longText);

        long id = sql.<Long>inTransaction(c -> TermsStore.accept(c, new TermsAcceptance(0, "IL-0150", "2026-07", "sha256:aaa",
                "jdoe", "Doe, Jane", T0, "10.0.0.7", "key-1", null)));
        assertThat(terms.unsent("IL-0150")).extracting(TermsAcceptance::id).containsExactly(id);
        terms.markSent(id, T0.plusSeconds(1));
        assertThat(terms.unsent("IL-0150")).isEmpty();
        assertThat(terms.acceptances("IL-0150")).singleElement()
                .satisfies(a -> assertThat(a.sentAt()).isEqualTo(T0.plusSeconds(1)));
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void theRoutersReachabilityRemembersSinceWhenItFailed(DatabaseProduct product) {
        open(product);
        RouterHealthStore health = new RouterHealthStore(new Sql(database.dataSource()));
        health.reached(T0);
        health.unreachable(T0.plus(Duration.ofMinutes(1)), "Connection refused");
        health.unreachable(T0.plus(Duration.ofMinutes(5)), "Timed out");

        assertThat(health.read().unreachableSince()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(health.read().lastError()).isEqualTo("Timed out");
        assertThat(health.read().lastContact()).isEqualTo(T0);

        health.reached(T0.plus(Duration.ofMinutes(9)));
        assertThat(health.read().reachable()).isTrue();
    }

    private static Registration registration(RegistrationState state, int version, String key) {
        return new Registration("IL-0150", state, "", "med1", "127.0.0.1", "jdoe", "Doe, Jane", T0, "2026-07", "",
                key, null, version, T0);
    }
}
