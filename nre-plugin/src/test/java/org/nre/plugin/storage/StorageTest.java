package org.nre.plugin.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.registration.Delivery;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.status.RouterHealthStore;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.terms.TermsStore;
import org.nre.testkit.TestDatabase;

/** The plugin's storage on every database a console may run on: the embedded one, MariaDB and PostgreSQL. */
class StorageTest {

    static final Instant T0 = Instant.parse("2026-11-28T19:04:44.123456Z");

    TestDatabase database;

    void open(DatabaseProduct product) {
        database = TestDatabase.of(product);
        assertThat(database.migrate("nre", "db/nre").schemaVersion()).isEqualTo("5");
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aDistrictHasAtMostOneLiveRegistrationAndItChangesOnlyFromTheVersionThatWasRead(DatabaseProduct product) {
        open(product);
        Sql sql = new Sql(database.dataSource());
        RegistrationStore store = new RegistrationStore(sql);
        Registration first = registration("r-1", RegistrationState.UNKNOWN, "key-1");

        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, first))).isTrue();
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, registration("r-2",
                RegistrationState.UNKNOWN, "key-2")))).as("a second live registration of the same district").isFalse();

        Registration stored = store.current("IL-0150").orElseThrow();
        assertThat(stored.id()).isEqualTo("r-1");
        assertThat(stored.seq()).isEqualTo(1);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.registeredAt()).isEqualTo(T0);
        assertThat(stored.idempotencyKey()).isEqualTo("key-1");

        Registration pending = stored.moved(RegistrationState.PENDING, "", "reg-1", T0.plusSeconds(1));
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, pending))).isTrue();
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, stored.moved(RegistrationState.ACTIVE, "", "reg-1",
                T0.plusSeconds(2))))).as("a change from a version that is no longer current").isFalse();

        Registration now = store.find("r-1").orElseThrow();
        assertThat(now.state()).isEqualTo(RegistrationState.PENDING);
        assertThat(now.routerRegistrationId()).isEqualTo("reg-1");
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.lastRouterContact()).isEqualTo(T0.plusSeconds(1));
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void afterARejectionANewRegistrationIsStoredBesideTheOldOneWhichIsKept(DatabaseProduct product) {
        open(product);
        Sql sql = new Sql(database.dataSource());
        RegistrationStore store = new RegistrationStore(sql);
        sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, registration("r-1", RegistrationState.PENDING, "k-1")));
        Registration pending = store.find("r-1").orElseThrow();
        sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, pending.moved(RegistrationState.REJECTED,
                "Not in the directory.", "reg-1", T0.plusSeconds(1))));

        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, registration("r-2",
                RegistrationState.UNKNOWN, "k-2")))).as("a new registration once the old one is no longer live").isTrue();
        assertThat(store.current("IL-0150")).map(Registration::id).contains("r-2");

        Registration attempt = store.find("r-2").orElseThrow();
        sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, attempt.moved(RegistrationState.NOT_REGISTERED, "",
                null, T0.plusSeconds(2))));
        assertThat(store.current("IL-0150")).as("an attempt that never became a registration does not count")
                .map(Registration::id).contains("r-1");
        assertThat(store.past("IL-0150")).isEmpty();

        sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, registration("r-3", RegistrationState.PENDING, "k-3")));
        Registration third = store.find("r-3").orElseThrow();
        sql.<Boolean>inTransaction(c -> RegistrationStore.update(c, third.moved(RegistrationState.PENDING, "", "reg-3",
                T0.plusSeconds(3))));
        assertThat(store.current("IL-0150")).map(Registration::seq).contains(3);
        assertThat(store.past("IL-0150")).extracting(Registration::id, Registration::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("r-1", RegistrationState.REJECTED));
        assertThat(store.all("IL-0150")).extracting(Registration::id).containsExactly("r-3", "r-2", "r-1");
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aRegistrationStoredBeforeRegistrationsWereKeptApartIsKeptByTheUpgrade(DatabaseProduct product) {
        database = TestDatabase.of(product);
        database.migrateTo("nre", "db/nre", "3");
        Sql sql = new Sql(database.dataSource());
        sql.update("""
                INSERT INTO nre_registration (district_id, state, state_reason, application_name, source_address,
                       registered_by_id, registered_by_name, registered_at, terms_version, router_registration_id,
                       idempotency_key, last_router_contact, version, updated_at)
                VALUES ('IL-0150', 'ACTIVE', NULL, 'med1', '127.0.0.1', 'jdoe', 'Doe, Jane', ?, '2026-07', 'reg-1',
                        '6f1c6f3e-0000-4000-8000-000000000001', ?, 4, ?)""", T0, T0, T0);
        sql.update("""
                INSERT INTO nre_history (district_id, at, actor_id, actor_name, remote_address, action, detail)
                VALUES ('IL-0150', ?, 'jdoe', 'Doe, Jane', '10.0.0.7', 'register', 'Registered.')""", T0);

        assertThat(database.migrate("nre", "db/nre").schemaVersion()).isEqualTo("5");

        RegistrationStore store = new RegistrationStore(sql);
        Registration kept = store.current("IL-0150").orElseThrow();
        assertThat(kept.id()).isEqualTo("6f1c6f3e-0000-4000-8000-000000000001");
        assertThat(kept.state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(kept.routerRegistrationId()).isEqualTo("reg-1");
        assertThat(kept.registeredByName()).isEqualTo("Doe, Jane");
        assertThat(kept.version()).isEqualTo(4);
        assertThat(store.history("IL-0150", 5)).singleElement()
                .satisfies(h -> assertThat(h.registrationId()).isEqualTo(kept.id()));
        assertThat(sql.<Boolean>inTransaction(c -> RegistrationStore.insert(c, registration("r-2",
                RegistrationState.UNKNOWN, "k-2")))).as("the kept ACTIVE registration is live").isFalse();
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void historyIsAddedToAndReadNewestFirst(DatabaseProduct product) {
        open(product);
        RegistrationStore store = new RegistrationStore(new Sql(database.dataSource()));
        store.record("IL-0150", new HistoryEntry(T0, "jdoe", "Doe, Jane", "10.0.0.7", "register",
                RegistrationState.NOT_REGISTERED, RegistrationState.UNKNOWN, "Sent.", "r-1", Delivery.RECEIVED, "k-1"));
        store.record("IL-0150", new HistoryEntry(T0.plusSeconds(5), "system", "System", "local", "status",
                RegistrationState.PENDING, RegistrationState.ACTIVE, "Authorized. " + "x".repeat(3000), "r-1", null,
                null));

        var history = store.history("IL-0150", 10);

        assertThat(history).extracting(HistoryEntry::action).containsExactly("status", "register");
        assertThat(history.get(0).detail()).hasSize(2000);
        assertThat(history.get(1).fromState()).isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThat(history.get(1).at()).isEqualTo(T0);
        assertThat(history.get(1).delivery()).isEqualTo(Delivery.RECEIVED);
        assertThat(history.get(1).requestKey()).isEqualTo("k-1");
        assertThat(history.get(0).delivery()).isNull();
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void termsAndEveryAcceptanceAreKept(DatabaseProduct product) {
        open(product);
        Sql sql = new Sql(database.dataSource());
        TermsStore terms = new TermsStore(sql);
        String longText = "Terms of Service.\n\n" + "Clause. ".repeat(20_000);
        assertThat(terms.save(new Terms("2026-07", LocalDate.of(2026, 7, 1), "sha256:aaa", longText, T0))).isTrue();
        assertThat(terms.save(new Terms("2026-07", LocalDate.of(2026, 7, 1), "sha256:aaa", longText, T0.plusSeconds(60))))
                .as("the same terms fetched again").isFalse();
        assertThat(terms.save(new Terms("2026-07", LocalDate.of(2026, 7, 1), "sha256:bbb", "Changed text.",
                T0.plusSeconds(120)))).as("a new text under a known version").isTrue();

        assertThat(terms.latest()).map(Terms::digest).contains("sha256:bbb");
        assertThat(sql.one("SELECT COUNT(*) FROM nre_terms", r -> r.getInt(1))).contains(2);
        assertThat(sql.one("SELECT body FROM nre_terms WHERE digest = 'sha256:aaa'", r -> r.getString(1)))
                .contains(longText);

        assertThat(terms.find("2026-07", "sha256:aaa")).map(Terms::text).contains(longText);

        long id = sql.<Long>inTransaction(c -> TermsStore.accept(c, new TermsAcceptance(0, "IL-0150", "2026-07", "sha256:aaa",
                "jdoe", "Doe, Jane", T0, "10.0.0.7", "key-1", null, "r-1", "")));
        long other = sql.<Long>inTransaction(c -> TermsStore.accept(c, new TermsAcceptance(0, "IL-0150", "2026-07",
                "sha256:bbb", "jdoe", "Doe, Jane", T0, "10.0.0.7", "key-2", null, "r-1", "")));
        assertThat(terms.unsent("r-1")).extracting(TermsAcceptance::id).containsExactly(id, other);
        assertThat(terms.unsent("r-2")).as("another registration's").isEmpty();
        terms.markSent(id, T0.plusSeconds(1));
        terms.markRefused(other, T0.plusSeconds(2), "Version 2026-07 is not the current terms.");
        assertThat(terms.unsent("r-1")).isEmpty();
        assertThat(terms.acceptances("IL-0150")).extracting(TermsAcceptance::id, TermsAcceptance::refused)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(other, true),
                        org.assertj.core.groups.Tuple.tuple(id, false));
        assertThat(terms.acceptances("IL-0150").get(1).sentAt()).isEqualTo(T0.plusSeconds(1));
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

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aContactIsWrittenOnlyWhenTheLastOneKnownIsOlderThanItsPrecision(DatabaseProduct product) {
        open(product);
        RouterHealthStore health = new RouterHealthStore(new Sql(database.dataSource()));
        health.reached(T0);
        health.reached(T0.plusSeconds(4));
        assertThat(health.read().lastContact()).as("a contact within the precision").isEqualTo(T0);

        health.reached(T0.plus(RouterHealthStore.CONTACT_PRECISION));
        assertThat(health.read().lastContact()).isEqualTo(T0.plus(RouterHealthStore.CONTACT_PRECISION));

        health.unreachable(T0.plusSeconds(6), "Connection refused");
        health.reached(T0.plusSeconds(7));
        assertThat(health.read().reachable()).as("the first contact after a failure, however soon").isTrue();
        assertThat(health.read().lastContact()).isEqualTo(T0.plusSeconds(7));
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aRouterCallKeepsItsOutcomeWhenItsReachabilityCannotBeWritten(DatabaseProduct product) throws Exception {
        open(product);
        RouterHealthStore health = new RouterHealthStore(new Sql(database.dataSource()));
        try (java.sql.Connection connection = database.dataSource().getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE nre_router_health");
        }

        assertThatCode(() -> health.reached(T0)).doesNotThrowAnyException();
        assertThatCode(() -> health.unreachable(T0.plusSeconds(1), "Connection refused")).doesNotThrowAnyException();
    }

    private static Registration registration(String id, RegistrationState state, String key) {
        return new Registration(id, "IL-0150", 0, state, "", "med1", "127.0.0.1", "jdoe", "Doe, Jane", T0, "2026-07",
                "", key, null, null, "", null, 0, T0);
    }
}
