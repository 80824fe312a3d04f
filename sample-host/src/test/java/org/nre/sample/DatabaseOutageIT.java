package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;

/**
 * The database (MariaDB, PostgreSQL) goes away while the console runs and comes back: requests in between fail
 * fast with a clear 503, nothing is half-written, and the console recovers without a restart. And a console whose
 * database is down when it starts refuses to start, saying why.
 */
@ParameterizedClass
@EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
class DatabaseOutageIT {

    static final String MONITORING_TOKEN = "a-monitoring-token-of-some-length";

    static final Duration FAIL_FAST = Duration.ofSeconds(6);

    @TempDir
    Path dir;
    @Parameter
    DatabaseProduct product;
    ServerDatabase database;
    TcpProxy proxy;
    TestConsole console;

    @BeforeEach
    void start() throws Exception {
        database = ServerDatabase.fresh(product);
        proxy = new TcpProxy(database.host(), database.port());
        Path plugins = TestConsole.dropFolderWithSimulator(dir);
        console = TestConsole.start(List.of("--port", "0", "--plugins", plugins.toString(), "--data",
                        dir.resolve("data").toString(), "--db-url", database.urlThrough(proxy.port()), "--db-user",
                        database.user(), "--demo-data", "true"),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD,
                        "NRE_MONITORING_TOKEN", MONITORING_TOKEN, "NRE_DB_PASSWORD", database.password()),
                Clock.systemUTC(), plugins);
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void whileTheDatabaseIsGoneRequestsFailFastWithAClearPageAndTheConsoleRecoversOnItsOwn() throws Exception {
        WebClient admin = console.adminWithTools();
        MultiNodeIT.waitUntil(() -> admin.get("/panels/nre").body().contains("I have read and agree"), "the terms",
                Duration.ofSeconds(30));
        String csrf = admin.apiCsrfToken();

        proxy.cut();

        Instant asked = Instant.now();
        WebClient.Response page = admin.get("/panels/nre");
        assertThat(Duration.between(asked, Instant.now())).isLessThan(FAIL_FAST);
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.body()).contains("The console cannot reach its database right now. Try again in a moment")
                .doesNotContain("Exception", "at org.");
        WebClient.Response health = console.client().get("/healthz");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\"}");
        WebClient.Response monitored = console.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                console.client().base() + "/healthz")).header("Authorization", "Bearer " + MONITORING_TOKEN));
        // The plugins' checks are not run: they would only wait for the pool, and each log its failure.
        assertThat(monitored.body()).contains("\"status\":\"DOWN\"", "\"database\":\"DOWN\"", "\"checks\":[]");
        assertThat(console.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(console.client()
                .base() + "/healthz")).header("Authorization", "Bearer not-the-monitoring-token-at-all")).body())
                .isEqualTo("{\"status\":\"DOWN\"}");
        WebClient.Response register = admin.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", csrf);
        assertThat(register.status()).isEqualTo(503);
        assertThat(register.header("Content-Type")).startsWith("application/problem+json");

        proxy.restore();

        MultiNodeIT.waitUntil(() -> admin.get("/panels/nre").status() == 200, "the console to recover",
                Duration.ofSeconds(20));
        assertThat(console.client().get("/healthz").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(count("SELECT COUNT(*) FROM nre_registration")).as("nothing half-written").isZero();
        assertThat(count("SELECT COUNT(*) FROM nre_terms_acceptance")).isZero();
        WebClient.Response registered = admin.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", csrf);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM nre_registration WHERE state = 'PENDING'")).isEqualTo(1);
    }

    @Test
    void aConsoleWhoseDatabaseIsDownWhenItStartsRefusesToStartAndSaysWhy() {
        proxy.cut();
        try (ConsoleProcess process = ConsoleProcess.start(dir, List.of("--plugins", dir.resolve("plugins").toString(),
                "--data", dir.resolve("other").toString(), "--db-url", database.urlThrough(proxy.port()), "--db-user",
                database.user()), Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DB_PASSWORD",
                database.password()))) {
            assertThat(process.waitForExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(process.log()).contains("The console could not start: Cannot connect to the database at "
                    + database.urlThrough(proxy.port()), "Check that the server is running");
        }
    }

    private int count(String sql) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
