package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
    GaleraConsoles galera;
    List<ConsoleProcess> consoles;

    @BeforeEach
    void start() throws Exception {
        galera = GaleraConsoles.start(dir);
        consoles = galera.consoles;
    }

    @AfterEach
    void stop() {
        if (galera != null) {
            galera.close();
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
        assertThat(galera.count(1, "SELECT COUNT(*) FROM sim_registration")).isEqualTo(1);
        assertThat(galera.count(1, "SELECT COUNT(*) FROM nre_registration WHERE state = 'PENDING'")).isEqualTo(1);
        assertThat(galera.count(1, "SELECT COUNT(*) FROM nre_terms_acceptance")).isEqualTo(1);

        // One status poller at a time: every node sees the same single holder of the lease, and the checks come at
        // the pace of one poller (one a poll interval), not of three.
        MultiNodeIT.waitUntil(() -> galera.holder(1) != null, "a node to hold the poller's lease",
                MultiNodeIT.POLL_INTERVAL.multipliedBy(2));
        List<String> nodeIds = consoles.stream().map(ConsoleProcess::nodeId).toList();
        String holder = galera.holder(1);
        assertThat(holder).isIn(nodeIds);
        Set<String> runs = new HashSet<>();
        Instant until = Instant.now().plus(MultiNodeIT.POLL_INTERVAL.multipliedBy(3));
        while (Instant.now().isBefore(until)) {
            for (int node = 1; node <= GaleraCluster.NODES; node++) {
                assertThat(galera.holder(node)).as("the poller's holder as node %d sees it", node).isEqualTo(holder);
            }
            runs.add(galera.first(1, "SELECT last_run_at FROM nre_poller WHERE slot = 1", String.class));
            Thread.sleep(500);
        }
        assertThat(runs).as("status checks in three poll intervals").hasSizeBetween(2, 5);
    }

    @Test
    void changesMadeOnEveryNodeAtTheSameInstantAreEachStoredOnceAndNoUserSeesTheCertificationConflicts()
            throws Exception {
        List<WebClient> admins = new ArrayList<>();
        List<WebClient> sysadmins = new ArrayList<>();
        for (ConsoleProcess console : consoles) {
            WebClient admin = console.client();
            admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
            admins.add(admin);
        }
        TestConsole.grant(admins.get(0), "nre.registration", "group:g-sysadmins", "W");
        TestConsole.grant(admins.get(0), "simulated-router.vendor", "user:admin", "RW");
        for (ConsoleProcess console : consoles) {
            WebClient sysadmin = console.client();
            sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            sysadmins.add(sysadmin);
        }
        MultiNodeIT.waitUntil(() -> sysadmins.get(0).get("/panels/nre").body().contains("I have read and agree"),
                "the terms", Duration.ofSeconds(30));
        WebClient.Response registered = sysadmins.get(0).postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", sysadmins.get(0).apiCsrfToken());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        long conflictsBefore = galera.conflicts();
        int changesBefore = galera.count(1, "SELECT COUNT(*) FROM host_audit WHERE action = 'rights.changed'");

        // Host writes: each admin changes another right in the same instant; every change moves the one rights
        // generation row on, so the commits collide on it.
        List<String> rights = List.of("nre.registration", "nre.settings", "simulated-router.vendor");
        List<String> subjects = List.of("user:u-registrar", "user:u-counselor", "user:u-teacher", "group:g-staff",
                "group:g-registrars");
        for (String subject : subjects) {
            List<WebClient.Response> answers = together(admins, (admin, node) -> {
                String right = rights.get(node);
                long version = TestConsole.json(admin.get("/api/rights/" + right).body()).get("version").longValue();
                return () -> admin.postJson("/api/rights/" + right + "/grant", "{\"subject\":\"" + subject
                        + "\",\"levels\":\"R\",\"version\":" + version + ",\"confirm\":true}",
                        admin.apiCsrfToken());
            });
            answers.forEach(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
        }
        for (String right : rights) {
            assertThat(galera.count(1, "SELECT COUNT(*) FROM host_grant WHERE right_id = '" + right + "' AND levels = 'R' "
                    + "AND subject_id IN ('u-registrar', 'u-counselor', 'u-teacher', 'g-staff', 'g-registrars')"))
                    .as("grants of %s", right).isEqualTo(subjects.size());
        }
        assertThat(galera.count(1, "SELECT COUNT(*) FROM host_audit WHERE action = 'rights.changed'") - changesBefore)
                .as("one audit entry a change").isEqualTo(rights.size() * subjects.size());

        // NRE writes: "Check status now" pressed on every node at once, each time after the vendor decided: every
        // node records the check on the one registration row, and the decision is recorded once.
        Vendor vendor = new Vendor(admins.get(0));
        List<String[]> decisions = List.of(new String[] {"PENDING", "authorize", "", "ACTIVE"},
                new String[] {"ACTIVE", "suspend", "Audit of the district's records", "SUSPENDED"},
                new String[] {"SUSPENDED", "reinstate", "", "ACTIVE"});
        for (String[] decision : decisions) {
            vendor.decideOn(decision[0], decision[1], decision[2]);
            List<String> tokens = sysadmins.stream().map(WebClient::apiCsrfToken).toList();
            List<WebClient.Response> answers = together(sysadmins, (sysadmin, node) -> () -> sysadmin.postJson(
                    "/api/panels/nre/actions/refresh", "{}", tokens.get(node)));
            for (WebClient.Response answer : answers) {
                assertThat(answer.status()).as(answer.body()).isIn(200, 409);
                if (answer.status() == 409) {
                    assertThat(answer.body()).as("only the plain news that a check is already under way")
                            .contains("already under way");
                }
            }
            assertThat(galera.first(1, "SELECT state FROM nre_registration", String.class)).isEqualTo(decision[3]);
        }
        assertThat(galera.count(1, "SELECT COUNT(*) FROM nre_history WHERE to_state = 'SUSPENDED'")).isEqualTo(1);
        assertThat(galera.count(1, "SELECT COUNT(*) FROM nre_history WHERE from_state = 'PENDING' AND to_state = 'ACTIVE'"))
                .isEqualTo(1);
        assertThat(galera.count(1, "SELECT COUNT(*) FROM nre_history WHERE from_state = 'SUSPENDED' AND to_state = 'ACTIVE'"))
                .isEqualTo(1);
        assertThat(galera.count(1, "SELECT COUNT(*) FROM nre_registration")).isEqualTo(1);
        assertThat(galera.count(1, "SELECT COUNT(*) FROM sim_registration")).isEqualTo(1);

        assertThat(galera.conflicts() - conflictsBefore).as("commits the cluster refused, run again by the consoles")
                .isPositive();
        for (ConsoleProcess console : consoles) {
            assertThat(console.log()).as("the console's log").doesNotContain("Deadlock found", "WSREP");
        }
    }

    /** The requests, one a node, sent at the same instant; their answers in the nodes' order. */
    private static List<WebClient.Response> together(List<WebClient> clients, Preparation preparation)
            throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(clients.size());
        List<CompletableFuture<WebClient.Response>> answers = new ArrayList<>();
        for (int node = 0; node < clients.size(); node++) {
            Supplier<WebClient.Response> request = preparation.prepare(clients.get(node), node);
            answers.add(CompletableFuture.supplyAsync(() -> {
                await(barrier);
                return request.get();
            }));
        }
        List<WebClient.Response> all = new ArrayList<>();
        for (CompletableFuture<WebClient.Response> answer : answers) {
            all.add(answer.get(60, TimeUnit.SECONDS));
        }
        return all;
    }

    /** Readies a node's request: what it reads first is read before the barrier. */
    private interface Preparation {
        Supplier<WebClient.Response> prepare(WebClient client, int node);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
