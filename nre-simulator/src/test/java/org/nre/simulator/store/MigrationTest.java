package org.nre.simulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestDatabase;

/** The plugin's migration on every database a console may run on. */
class MigrationTest {

    static final String LOCATION = "db/simulator";

    private TestDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aFreshDatabaseGetsTheTables(DatabaseProduct product) {
        database = TestDatabase.of(product);
        MigrationResult result = database.migrate("simulated-router", LOCATION);

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.schemaVersion()).isEqualTo("1");
        SimulatorStore store = new SimulatorStore(database.dataSource(), new TestClock(Instant.EPOCH));
        store.seed();
        assertThat(store.currentTerms()).isPresent();
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void migratingAgainChangesNothing(DatabaseProduct product) {
        database = TestDatabase.of(product);
        database.migrate("simulated-router", LOCATION);

        MigrationResult again = database.migrate("simulated-router", LOCATION);

        assertThat(again.applied()).isZero();
        assertThat(again.schemaVersion()).isEqualTo("1");
    }

    @ParameterizedTest
    // Earlier consoles ran on H2 and MariaDB only: no PostgreSQL database holds their tables.
    @EnumSource(value = DatabaseProduct.class, names = {"H2", "MARIADB"})
    void tablesAnEarlierConsoleMadeAreAdoptedWithTheirRows(DatabaseProduct product) {
        database = TestDatabase.of(product);
        run(database, legacyConsoleSchema());
        run(database, """
                INSERT INTO sim_terms (version, effective_date, body, published_at)
                VALUES ('2026-07', '2026-07-01', 'Old terms.', '2026-06-01 12:00:00');
                INSERT INTO sim_registration (id, district_id, district_name, state_code, application_name,
                    source_address, registered_by, terms_version, state, reason, cities, postal_codes, created_at,
                    updated_at, client_reference, registered_by_id)
                VALUES ('reg_0123456789abcdef0123', 'IL-0150', 'Prairie Valley CUSD 150', 'IL', 'med1', '10.2.0.15',
                    'Doe, Jane', '2026-07', 'ACTIVE', NULL, 'Springfield', '62704', '2026-06-02 08:30:00',
                    '2026-06-03 09:00:00', 'ref-1', 'jdoe');
                INSERT INTO sim_idempotency (idempotency_key, body_digest, status, registration_id, created_at)
                VALUES ('key-1', '%s', 202, 'reg_0123456789abcdef0123', '2026-06-02 08:30:00')
                """.formatted("0".repeat(64)));

        MigrationResult result = database.migrate("simulated-router", LOCATION);

        assertThat(result.applied()).isEqualTo(1);
        SimulatorStore store = new SimulatorStore(database.dataSource(), new TestClock(Instant.EPOCH));
        store.seed();
        assertThat(store.currentTerms().orElseThrow()).satisfies(terms -> {
            assertThat(terms.text()).isEqualTo("Old terms.");
            assertThat(terms.effectiveDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        });
        assertThat(store.find("reg_0123456789abcdef0123").orElseThrow()).satisfies(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.ACTIVE);
            assertThat(r.clientReference()).isEqualTo("ref-1");
            assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-06-02T08:30:00Z"));
        });
        assertThat(store.replay("key-1")).isPresent();
        assertThat(database.migrate("simulated-router", LOCATION).applied()).isZero();
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void timesAreKeptAsUtc(DatabaseProduct product) {
        database = TestDatabase.of(product);
        database.migrate("simulated-router", LOCATION);
        Instant published = Instant.parse("2026-11-28T19:04:44.123456Z");
        SimulatorStore store = new SimulatorStore(database.dataSource(), new TestClock(published));

        store.publish("2027-01", LocalDate.of(2027, 1, 1), "Text.");

        assertThat(store.currentTerms().orElseThrow().publishedAt()).isEqualTo(published);
    }

    private static String legacyConsoleSchema() {
        try (InputStream in = MigrationTest.class.getResourceAsStream("/legacy/V2__simulated_router.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs statements separated by ';', such as a script of DDL. */
    private static void run(TestDatabase database, String script) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The script failed: " + e.getMessage(), e);
        }
    }

    /** The count a query answers, such as {@code SELECT COUNT(*) FROM sim_terms}. */
    private static long count(TestDatabase database, String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The query failed: " + e.getMessage(), e);
        }
    }
}
