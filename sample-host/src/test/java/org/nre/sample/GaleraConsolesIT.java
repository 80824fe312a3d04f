package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.GaleraCluster;

/**
 * A console process on each node of a real three-node Galera cluster: a session and a rights change made on one
 * node hold on every node, and Register pressed on every node at the same instant makes one router registration
 * and one record, each other request told plainly that the district is already registering.
 */
class GaleraConsolesIT {

    @TempDir
    Path dir;
    GaleraCluster cluster;
    final List<ConsoleProcess> consoles = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = GaleraCluster.start(dir.resolve("galera"));
        Path plugins = TestConsole.dropFolderWithSimulator(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD,
                "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD,
                "NRE_SECRETS_KEY", Base64.getEncoder().encodeToString(key), "NRE_DB_PASSWORD", cluster.password());
        // One node first, as after an upgrade: it migrates; the others find the schema made.
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            consoles.add(ConsoleProcess.start(dir, List.of("--plugins", plugins.toString(), "--db-url",
                    cluster.url(node), "--db-user", cluster.user(), "--demo-data", "true", "--data",
                    dir.resolve("console-" + node).toString()), env).awaitStarted());
        }
    }

    @AfterEach
    void stop() {
        consoles.forEach(ConsoleProcess::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aSessionARightsChangeAndOneRegistrationHoldOnEveryNode() throws Exception {
        WebClient adminOn1 = consoles.get(0).client();
        adminOn1.signIn("admin", TestConsole.ADMIN_PASSWORD);
        List<WebClient> sysadmins = new ArrayList<>();
        for (ConsoleProcess console : consoles) {
            WebClient admin = console.client();
            admin.setCookie("nre_session", adminOn1.cookie("nre_session"));
            assertThat(admin.get("/admin/users").status()).as("the session made on node 1").isEqualTo(200);
            WebClient sysadmin = console.client();
            sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            assertThat(sysadmin.get("/panels/nre").status()).isEqualTo(403);
            sysadmins.add(sysadmin);
        }

        TestConsole.grant(adminOn1, "nre.registration", "group:g-sysadmins", "W");
        for (WebClient sysadmin : sysadmins) {
            assertThat(sysadmin.get("/panels/nre").status()).as("the grant made on node 1").isEqualTo(200);
        }

        MultiNodeIT.waitUntil(() -> sysadmins.get(0).get("/panels/nre").body().contains("I have read and agree"),
                "the terms", Duration.ofSeconds(30));
        List<String> tokens = sysadmins.stream().map(WebClient::apiCsrfToken).toList();
        CyclicBarrier together = new CyclicBarrier(sysadmins.size());
        String body = "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}";
        List<CompletableFuture<WebClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < sysadmins.size(); i++) {
            WebClient sysadmin = sysadmins.get(i);
            String csrf = tokens.get(i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return sysadmin.postJson("/api/panels/nre/actions/register", body, csrf);
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<WebClient.Response> answer : answers) {
            WebClient.Response response = answer.get();
            statuses.add(response.status());
            if (response.status() == 409) {
                assertThat(response.body()).as("told plainly").containsAnyOf("already registered",
                        "already on its way to the router");
            }
        }
        assertThat(statuses).as("no user sees a storage failure").containsExactlyInAnyOrder(200, 409, 409);
        assertThat(count("SELECT COUNT(*) FROM sim_registration")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM nre_registration WHERE state = 'PENDING'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM nre_terms_acceptance")).isEqualTo(1);
    }

    private int count(String sql) {
        try (Connection connection = cluster.connect(1); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
