package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
 * Two console processes on different ports share one database on a server (MariaDB, PostgreSQL), as behind a load
 * balancer: sessions, rights and registrations are shared, and the status poller runs on one node at a time.
 */
@ParameterizedClass
@EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
class MultiNodeIT {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    static final String POLLER = "nre:status";

    @TempDir
    Path dir;
    @Parameter
    DatabaseProduct product;
    ServerDatabase database;
    ConsoleProcess nodeA;
    ConsoleProcess nodeB;

    @BeforeEach
    void start() throws Exception {
        database = ServerDatabase.fresh(product);
        Path plugins = TestConsole.dropFolderWithSimulator(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD,
                "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD,
                "NRE_SECRETS_KEY", Base64.getEncoder().encodeToString(key), "NRE_DB_PASSWORD", database.password());
        List<String> common = List.of("--plugins", plugins.toString(), "--db-url", database.url(), "--db-user",
                database.user(), "--demo-data", "true");
        nodeA = ConsoleProcess.start(dir, with(common, "--data", dir.resolve("a").toString()), env).awaitStarted();
        nodeB = ConsoleProcess.start(dir, with(common, "--data", dir.resolve("b").toString()), env).awaitStarted();
    }

    @AfterEach
    void stop() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSessionARightsChangeAndARegistrationAreSharedAndThePollerRunsOnOneNodeAtATime() throws Exception {
        // A session started on one node works on the other.
        WebClient adminOnA = nodeA.client();
        adminOnA.signIn("admin", TestConsole.ADMIN_PASSWORD);
        WebClient adminOnB = nodeB.client();
        adminOnB.setCookie("nre_session", adminOnA.cookie("nre_session"));
        assertThat(adminOnB.get("/admin/users").status()).isEqualTo(200);

        // A rights change on one node applies on the other at the next request.
        WebClient sysadminOnB = nodeB.client();
        sysadminOnB.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        assertThat(sysadminOnB.get("/panels/nre").status()).isEqualTo(403);
        TestConsole.grant(adminOnA, "nre.registration", "group:g-sysadmins", "W");
        assertThat(sysadminOnB.get("/panels/nre").status()).isEqualTo(200);

        // Both nodes registering at the same instant make one router registration and one PENDING record.
        WebClient sysadminOnA = nodeA.client();
        sysadminOnA.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        waitUntil(() -> sysadminOnA.get("/panels/nre").body().contains("I have read and agree"), "the terms",
                Duration.ofSeconds(30));
        String csrfA = sysadminOnA.apiCsrfToken();
        String csrfB = sysadminOnB.apiCsrfToken();
        CountDownLatch go = new CountDownLatch(1);
        String body = "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}";
        CompletableFuture<WebClient.Response> onA = CompletableFuture.supplyAsync(() -> {
            await(go);
            return sysadminOnA.postJson("/api/panels/nre/actions/register", body, csrfA);
        });
        CompletableFuture<WebClient.Response> onB = CompletableFuture.supplyAsync(() -> {
            await(go);
            return sysadminOnB.postJson("/api/panels/nre/actions/register", body, csrfB);
        });
        go.countDown();
        List<Integer> statuses = List.of(onA.get().status(), onB.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        assertThat(count("SELECT COUNT(*) FROM sim_registration")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM nre_registration WHERE state = 'PENDING'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM nre_terms_acceptance")).isEqualTo(1);

        // The poller runs on exactly one node; when that node dies (SIGKILL: it releases nothing), the other takes
        // over within one interval.
        waitUntil(() -> holder() != null, "a node to hold the poller's lease", POLL_INTERVAL.multipliedBy(2));
        String holder = holder();
        assertThat(holder).isIn(nodeA.nodeId(), nodeB.nodeId());
        ConsoleProcess holding = holder.equals(nodeA.nodeId()) ? nodeA : nodeB;
        ConsoleProcess other = holding == nodeA ? nodeB : nodeA;
        Instant died = Instant.now();
        holding.kill();
        waitUntil(() -> other.nodeId().equals(holder()), "the other node to take the poller over", POLL_INTERVAL);
        assertThat(Duration.between(died, Instant.now())).isLessThanOrEqualTo(POLL_INTERVAL);

        // And the surviving node follows the vendor's decision on its own.
        WebClient adminOnOther = other.client();
        adminOnOther.signIn("admin", TestConsole.ADMIN_PASSWORD);
        TestConsole.grant(adminOnOther, "simulated-router.vendor", "user:admin", "RW");
        new Vendor(adminOnOther).decideOn("PENDING", "authorize", "");
        waitUntil(() -> count("SELECT COUNT(*) FROM nre_registration WHERE state = 'ACTIVE'") == 1,
                "the poller on the surviving node to see the authorization", POLL_INTERVAL.multipliedBy(3));
    }

    private String holder() {
        // Lease times are UTC wall-clock values, as the console writes them.
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT owner FROM host_lease WHERE name = ? AND expires_at > ?")) {
            statement.setString(1, POLLER);
            statement.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, String what, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
