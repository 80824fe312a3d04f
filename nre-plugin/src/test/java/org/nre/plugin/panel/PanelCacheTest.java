package org.nre.plugin.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.district.District;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.status.RouterHealthStore;
import org.nre.plugin.storage.Changes;
import org.nre.plugin.storage.Sql;
import org.nre.plugin.storage.StorageException;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestDatabase;

/** The panel's copy of what it read: reused while nothing changed, read again after any node's write. */
class PanelCacheTest {

    static final Instant T0 = Instant.parse("2026-11-28T19:04:44Z");
    static final Optional<District> DISTRICT = Optional.of(TestHost.DISTRICT);
    static final Optional<Terms> TERMS = Optional.of(new Terms("2026-1", LocalDate.of(2026, 1, 1), "d1", "Terms.", T0));

    TestDatabase database;
    final TestClock clock = new TestClock(T0);
    final AtomicInteger reads = new AtomicInteger();

    Sql open(DatabaseProduct product) {
        database = TestDatabase.of(product);
        database.migrate("nre", "db/nre");
        return new Sql(database.dataSource(), Changes.MOVE_ON);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    Supplier<PanelCache.Reads> reading(RouterHealthStore health) {
        return () -> {
            reads.incrementAndGet();
            return new PanelCache.Reads(Optional.empty(), List.of(), List.of(), java.util.Map.of(), false, true,
                    Duration.ofSeconds(60),
                    health.read(), List.of());
        };
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aCopyIsReusedWhileNothingChangedAndReadAgainAfterAWriteOnAnotherNode(DatabaseProduct product) {
        Sql here = open(product);
        Sql otherNode = new Sql(database.dataSource(), Changes.MOVE_ON);
        PanelCache cache = new PanelCache(new Changes(here), clock);
        Supplier<PanelCache.Reads> read = reading(new RouterHealthStore(here));

        PanelCache.Reads first = cache.reads(DISTRICT, TERMS, read);
        assertThat(cache.reads(DISTRICT, TERMS, read)).isSameAs(first);
        assertThat(reads).hasValue(1);

        new RouterHealthStore(otherNode).unreachable(T0, "Connection refused");

        PanelCache.Reads after = cache.reads(DISTRICT, TERMS, read);
        assertThat(reads).hasValue(2);
        assertThat(after.health()).isEqualTo(new RouterHealth(null, T0, "Connection refused"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void everyKindOfWriteMovesTheVersionOnAndAFailedOneDoesNot(DatabaseProduct product) {
        Sql sql = open(product);
        Changes changes = new Changes(sql);
        RegistrationStore registrations = new RegistrationStore(sql);
        long start = changes.version();

        registrations.record("IL-0150", new HistoryEntry(T0, "jdoe", "Doe, Jane", "10.0.0.7", "register",
                RegistrationState.NOT_REGISTERED, RegistrationState.UNKNOWN, "Asked to register.", null, null, null));
        assertThat(changes.version()).as("after a single statement").isEqualTo(start + 1);

        sql.inTransaction(connection -> Sql.update(connection,
                "UPDATE nre_router_health SET last_contact_at = ? WHERE slot = 1", T0));
        assertThat(changes.version()).as("after a transaction").isEqualTo(start + 2);

        changes.movedOn();
        assertThat(changes.version()).as("after a change stored outside the plugin's tables").isEqualTo(start + 3);

        assertThatThrownBy(() -> sql.inTransaction(connection -> {
            Sql.update(connection, "UPDATE nre_router_health SET last_error = 'x' WHERE slot = 1");
            throw new IllegalStateException("the work fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sql.update("UPDATE nre_no_such_table SET x = 1")).isInstanceOf(StorageException.class);
        assertThat(changes.version()).as("after writes that were rolled back").isEqualTo(start + 3);
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void anotherDistrictOrNewTermsOrAnOldCopyAreReadAgain(DatabaseProduct product) {
        Sql sql = open(product);
        PanelCache cache = new PanelCache(new Changes(sql), clock);
        Supplier<PanelCache.Reads> read = reading(new RouterHealthStore(sql));

        cache.reads(DISTRICT, TERMS, read);
        cache.reads(Optional.empty(), TERMS, read);
        assertThat(reads).as("another district").hasValue(2);

        cache.reads(DISTRICT, TERMS, read);
        cache.reads(DISTRICT, Optional.of(new Terms("2026-2", LocalDate.of(2026, 6, 1), "d2", "New terms.", T0)), read);
        assertThat(reads).as("new terms").hasValue(4);

        clock.advance(PanelCache.FRESH_FOR.minusMillis(1));
        cache.reads(DISTRICT, Optional.of(new Terms("2026-2", LocalDate.of(2026, 6, 1), "d2", "New terms.", T0)), read);
        assertThat(reads).as("a copy younger than FRESH_FOR").hasValue(4);

        clock.advance(Duration.ofMillis(1));
        cache.reads(DISTRICT, Optional.of(new Terms("2026-2", LocalDate.of(2026, 6, 1), "d2", "New terms.", T0)), read);
        assertThat(reads).as("a copy FRESH_FOR old").hasValue(5);
    }
}
