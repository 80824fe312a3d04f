package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.GaleraCluster;
import org.nre.hostkit.schedule.LeaseScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A console on each node of a real three-node Galera cluster, users at work on every console, and the node under
 * the console that runs the status poller is killed: the other consoles go on serving, the poller moves to one of
 * them within one poll interval and follows the vendor's decision, with one registration and one record of it;
 * the console on the dead node says DOWN, and is UP and serving again by itself once its node has rejoined.
 */
class GaleraFailoverIT {

    private static final Logger LOG = LoggerFactory.getLogger(GaleraFailoverIT.class);

    static final Duration POLL_INTERVAL = MultiNodeIT.POLL_INTERVAL;
    // A console waits 3 s at most for a connection; its health check asks the database once more.
    static final Duration DOWN_WITHIN = Duration.ofSeconds(10);
    // The pool replaces the connections to the restarted node as requests ask for them.
    static final Duration UP_WITHIN = Duration.ofSeconds(30);
    static final Duration STEADY = Duration.ofSeconds(3);
    static final List<String> SIGNING_IN = List.of("registrar", "counselor", "teacher");

    @TempDir
    Path dir;
    GaleraConsoles galera;
    GaleraCluster cluster;
    List<ConsoleProcess> consoles;
    final List<ConsoleTraffic> traffic = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        galera = GaleraConsoles.start(dir);
        cluster = galera.cluster;
        consoles = galera.consoles;
    }

    @AfterEach
    void stop() {
        traffic.forEach(ConsoleTraffic::close);
        if (galera != null) {
            galera.close();
        }
    }

    @Test
    void theOtherConsolesServeOnThePollerMovesAndTheDeadNodesConsoleRecoversByItselfWhenItsNodeRejoins()
            throws Exception {
        WebClient admin = consoles.get(0).client();
        admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
        TestConsole.grant(admin, "nre.registration", "group:g-sysadmins", "W");
        WebClient sysadmin = consoles.get(0).client();
        sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        MultiNodeIT.waitUntil(() -> sysadmin.get("/panels/nre").body().contains("I have read and agree"),
                "the terms", Duration.ofSeconds(30));
        assertThat(sysadmin.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", sysadmin.apiCsrfToken()).status())
                .isEqualTo(200);
        MultiNodeIT.waitUntil(() -> galera.holder(1) != null, "a console to hold the poller's lease",
                POLL_INTERVAL.multipliedBy(2));
        int lost = galera.nodeOf(galera.holder(1));
        List<Integer> survivors = new ArrayList<>();
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            traffic.add(ConsoleTraffic.start("node " + node, galera.console(node), SIGNING_IN.get(node - 1)));
            if (node != lost) {
                survivors.add(node);
            }
        }
        int asked = survivors.get(0);
        ConsoleProcess lostConsole = galera.console(lost);
        Thread.sleep(STEADY.toMillis());

        // The node under the poller's console dies.
        Instant killed = Instant.now();
        cluster.kill(lost);
        Duration toDown = within(() -> health(lostConsole).equals("503 {\"status\":\"DOWN\"}"), killed,
                DOWN_WITHIN, "the console on the dead node to say DOWN");
        List<String> live = survivors.stream().map(node -> galera.console(node).nodeId()).toList();
        Duration toHandover = within(() -> live.contains(galera.holder(asked)), killed, POLL_INTERVAL,
                "a console on a live node to take the poller's lease over");
        for (int node : survivors) {
            cluster.awaitSynced(node, GaleraCluster.NODES - 1);
        }
        Duration toSettled = Duration.between(killed, Instant.now());
        // The new holder runs the poller when its turn comes, at most an interval after the dead one last did.
        Duration toPoll = within(() -> lastPoll(asked).isAfter(killed), killed,
                POLL_INTERVAL.plus(LeaseScheduler.BEAT.multipliedBy(2)), "the poller to run on a live console");

        // While it is down, the vendor authorizes through another console, and the poller follows.
        WebClient vendor = galera.console(survivors.get(1)).client();
        vendor.signIn("admin", TestConsole.ADMIN_PASSWORD);
        TestConsole.grant(vendor, "simulated-router.vendor", "user:admin", "RW");
        new Vendor(vendor).decideOn("PENDING", "authorize", "");
        Instant authorized = Instant.now();
        Duration toActive = within(() -> galera.count(asked, "SELECT COUNT(*) FROM nre_registration WHERE state = "
                + "'ACTIVE'") == 1, authorized, POLL_INTERVAL.multipliedBy(3), "the poller to see the authorization");
        assertThat(health(lostConsole)).as("the console on the dead node").isEqualTo("503 {\"status\":\"DOWN\"}");

        // The node rejoins: its console is UP again by itself, and serves.
        Instant restarting = Instant.now();
        cluster.restart(lost);
        Instant rejoined = Instant.now();
        Duration toUp = within(() -> health(lostConsole).equals("200 {\"status\":\"UP\"}"), rejoined, UP_WITHIN,
                "the console on the rejoined node to say UP");
        WebClient sessionOnLost = lostConsole.client();
        sessionOnLost.setCookie("nre_session", sysadmin.cookie("nre_session"));
        WebClient.Response page = sessionOnLost.get("/panels/nre");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsSubsequence("Exchange Status:", "Active")
                .contains("The vendor verified and authorized the district");
        Instant up = Instant.now();
        Thread.sleep(STEADY.toMillis());
        traffic.forEach(ConsoleTraffic::close);
        Instant end = Instant.now();

        // The lease survived: a console holds it, the same as every node sees it (the row's key is the lease's name).
        String holderAfter = galera.holder(asked);
        assertThat(holderAfter).isIn(consoles.stream().map(ConsoleProcess::nodeId).toList());
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            assertThat(galera.holder(node)).as("the poller's holder as node " + node + " sees it").isEqualTo(holderAfter);
        }
        // One registration, one record of it, each step once.
        assertThat(galera.count(asked, "SELECT COUNT(*) FROM sim_registration")).isEqualTo(1);
        assertThat(galera.count(asked, "SELECT COUNT(*) FROM nre_registration")).isEqualTo(1);
        assertThat(galera.count(asked, "SELECT COUNT(*) FROM nre_history WHERE to_state = 'ACTIVE'")).isEqualTo(1);
        assertThat(galera.count(asked, "SELECT COUNT(*) FROM host_audit WHERE action = 'nre.register'")).isEqualTo(1);
        assertThat(galera.count(asked, "SELECT COUNT(*) FROM host_audit WHERE action = 'nre.state' AND detail LIKE "
                + "'%to registered and Active'")).isEqualTo(1);

        StringBuilder report = new StringBuilder("Galera node " + lost + " (under the poller's console) killed: "
                + "DOWN after " + toDown.toMillis() + " ms, lease handed over after " + toHandover.toMillis()
                + " ms, the poller ran after " + toPoll.toMillis() + " ms, the survivors were synced in a cluster of 2 "
                + "after " + toSettled.toMillis() + " ms; ACTIVE seen " + toActive.toMillis()
                + " ms after the vendor's decision; the rejoin took " + Duration.between(restarting, rejoined).toMillis() + " ms, UP "
                + toUp.toMillis() + " ms after it; the lease is held by node " + galera.nodeOf(holderAfter) + "'s console\n");
        for (ConsoleTraffic users : traffic) {
            List<ConsoleTraffic.Answer> answers = users.answers();
            report.append(users.name).append(": ").append(answers.size()).append(" requests, ")
                    .append(ConsoleTraffic.failed(answers).size()).append(" not served, slowest ")
                    .append(ConsoleTraffic.slowest(answers).toMillis()).append(" ms\n");
        }
        LOG.info("{}", report);

        for (int node : survivors) {
            ConsoleTraffic users = traffic.get(node - 1);
            assertThat(ConsoleTraffic.failed(users.answers())).as("requests on " + users.name).isEmpty();
            assertThat(users.answers()).as("requests on " + users.name).hasSizeGreaterThan(100);
            // The console writes a stack trace's tabs escaped, as every control character.
            assertThat(users.console().log()).as("the log of the console on " + users.name)
                    .doesNotContain("Caused by:", "\\tat ");
        }
        ConsoleTraffic onLost = traffic.get(lost - 1);
        assertThat(lostConsole.log()).as("one line for each request or lease beat that failed while its node was "
                + "down, no plugin's failure: its checks are not run then").doesNotContain("PluginCalls");
        assertThat(ConsoleTraffic.failed(onLost.answeredBefore(killed))).as("before the kill").isEmpty();
        assertThat(ConsoleTraffic.failed(onLost.sentBetween(up, end))).as("after its node rejoined").isEmpty();
        assertThat(onLost.sentBetween(up, end)).isNotEmpty();
        // Those under way at the kill and those sent while the node was down.
        for (ConsoleTraffic.Answer answer : ConsoleTraffic.failed(onLost.sentBetween(Instant.EPOCH, up))) {
            assertThat(answer.status()).as("a request while its node was down: " + answer).isEqualTo(503);
            assertThat(answer.detail()).as("what the user was told").doesNotContain("Exception", "at org.");
        }
    }

    /** The time from {@code from} until the condition holds, which must be within the timeout. */
    private static Duration within(BooleanSupplier condition, Instant from, Duration timeout, String what)
            throws InterruptedException {
        MultiNodeIT.waitUntil(condition, what, timeout.minus(Duration.between(from, Instant.now())));
        Duration took = Duration.between(from, Instant.now());
        assertThat(took).as(what).isLessThanOrEqualTo(timeout);
        return took;
    }

    private static String health(ConsoleProcess console) {
        WebClient.Response health = console.client().get("/healthz");
        return health.status() + " " + health.body();
    }

    private Instant lastPoll(int node) {
        LocalDateTime at = galera.first(node, "SELECT last_run_at FROM nre_poller", LocalDateTime.class);
        return at == null ? Instant.EPOCH : at.toInstant(ZoneOffset.UTC);
    }
}
