package org.nre.simulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.nre.simulator.http.RouterCredentials;
import org.nre.simulator.http.RouterServer;
import org.nre.simulator.store.SimulatorStore;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestDatabase;

/** The simulated router on a free loopback port, over a fresh migrated database with the sample terms. */
public final class RunningRouter implements AutoCloseable {

    public static final RouterCredentials CREDENTIALS = new RouterCredentials("SIM-0A1B2C3D4E5F",
            "4f1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a");

    public final TestClock clock = new TestClock(TestHost.NOW);
    public final TestDatabase database = TestDatabase.h2();
    public final SimulatorStore store;
    public final RouterServer server;
    public final SignedClient client;

    public RunningRouter() {
        database.migrate("simulated-router", "db/simulator");
        store = new SimulatorStore(database.dataSource(), clock);
        store.seed();
        try {
            server = RouterServer.start(store, CREDENTIALS, clock, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = SignedClient.signed(server.url(), CREDENTIALS.districtKey(), CREDENTIALS.sharedSecret(), clock);
    }

    /** A registration body as the NRE plugin sends it, with the current terms. */
    public Map<String, Object> registration(String districtId, String clientReference) {
        var terms = store.currentTerms().orElseThrow();
        return Map.of("districtId", districtId, "districtName", "Prairie Valley CUSD 150", "state", "IL",
                "clientReference", clientReference, "applicationName", "med1", "sourceAddress", "10.2.0.15",
                "registeredBy", Map.of("id", "jdoe", "name", "Doe, Jane"),
                "terms", Map.of("version", terms.version(), "digest", terms.digest(),
                        "acceptedAt", "2026-11-28T19:04:40Z"),
                "locality", Map.of("cities", List.of("Chatham", "Springfield"),
                        "postalCodes", List.of("62629", "62704", "62711")));
    }

    /** The count a query answers, such as {@code SELECT COUNT(*) FROM sim_acceptance}. */
    public long count(String sql) {
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
