package org.nre.bench.galera;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nre.hostkit.GaleraCluster;

/**
 * A console on each node of a real three-node MariaDB Galera cluster, under a closed-loop load of signed-in users
 * (the NRE panel, the administrators' pages, sign-ins, rights changes, "Check status now") for about 90 s; a third of
 * the way in, the Galera node under the console that holds the NRE status poller's lease is killed (SIGKILL), two
 * thirds of the way in it is started again and rejoins by an incremental transfer. Records every answer, each
 * console's {@code /healthz} every 250 ms and the lease's holder; prints {@code FIGURE} lines per phase (before, node
 * down, after the rejoin) and a HELD or FAILED verdict; exits 1 when it failed. docs/performance.md, "Failover on a
 * Galera cluster". Run by benchmarks/galera-failover.sh.
 */
public final class GaleraFailoverLoad {

    static final String ADMIN_PASSWORD = "galera-console-password-7";
    static final String DEMO_PASSWORD = "galera-demo-password-7";
    static final String LEASE = "nre:status";
    static final String TERMS_OFFERED = "I have read and agree";
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration HEALTH_EVERY = Duration.ofMillis(250);
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(20);
    static final Duration LEASE_EVERY = Duration.ofMillis(250);
    /** How long the lease may take to move for the run to hold: a beat and a lease (8 s) and some slack. */
    static final Duration LEASE_MOVE_LIMIT = Duration.ofSeconds(10);
    static final String[] PHASES = {"before", "down", "after"};
    // Each console's administrator changes one person's grant of the settings right, back and forth.
    static final String[] GRANTEES = {"u-registrar", "u-counselor", "u-teacher"};

    /** The run's shape: its length, when the node is killed and started again, the load. */
    record Plan(int seconds, int killAt, int restartAt, int threads, int thinkMillis, int warmUp,
                boolean ownAddresses) {
        static Plan of(String[] args) {
            boolean own = false;
            Map<String, Integer> values = new LinkedHashMap<>(Map.of("--seconds", 90, "--kill-at", 30,
                    "--restart-at", 60, "--threads", 3, "--think-ms", 50, "--warm-up", 20));
            for (int i = 3; i < args.length; i += 2) {
                if (args[i].equals("--own-addresses")) {
                    own = true;
                    i--;
                    continue;
                }
                if (!values.containsKey(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("Unknown option " + args[i] + ": use " + values.keySet());
                }
                values.put(args[i], Integer.parseInt(args[i + 1]));
            }
            Plan plan = new Plan(values.get("--seconds"), values.get("--kill-at"), values.get("--restart-at"),
                    values.get("--threads"), values.get("--think-ms"), values.get("--warm-up"), own);
            if (!(0 < plan.killAt && plan.killAt < plan.restartAt && plan.restartAt < plan.seconds)) {
                throw new IllegalArgumentException("Needs 0 < --kill-at < --restart-at < --seconds: " + plan);
            }
            return plan;
        }
    }

    /** One answer (or none: status 0) to one request of the load. */
    record Answer(int console, String action, long startMillis, long micros, int status, boolean expected,
                  String body) {
        String statusClass() {
            return status == 0 ? "none" : (status / 100) + "xx";
        }
    }

    /** One {@code /healthz} sample: when it was asked, its HTTP status (0: no answer) and the status it named. */
    record Health(int console, long startMillis, long millis, int status, String says) {
    }

    /** One read of the lease row: who holds it now (empty when it has run out or no row is there). */
    record LeaseSample(long startMillis, String holder) {
    }

    private final Path consoleJar;
    private final Path plugins;
    private final Path work;
    private final Plan plan;
    private final List<Console> consoles = new ArrayList<>();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<Health> health = new ConcurrentLinkedQueue<>();
    private final Queue<LeaseSample> leases = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private long origin;

    private GaleraFailoverLoad(Path consoleJar, Path plugins, Path work, Plan plan) {
        this.consoleJar = consoleJar;
        this.plugins = plugins;
        this.work = work;
        this.plan = plan;
    }

    /**
     * Arguments: the console's jar, the plugins folder (the NRE plugin and the simulated router), a scratch folder,
     * then optionally --seconds 90 --kill-at 30 --restart-at 60 --threads 3 (per console) --think-ms 50 --warm-up 20
     * (seconds of the same load before the measured run, not counted) --own-addresses (each user behind a proxy
     * the consoles trust, from an address of their own, instead of everyone from 127.0.0.1 as from a school's one
     * address).
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GaleraFailoverLoad CONSOLE_JAR PLUGINS_DIR WORK_DIR [--seconds 90] [--kill-at 30]"
                    + " [--restart-at 60] [--threads 3] [--think-ms 50] [--warm-up 20] [--own-addresses]");
            System.exit(2);
        }
        GaleraFailoverLoad load = new GaleraFailoverLoad(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                Plan.of(args));
        System.exit(load.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path clusterDir = work.resolve("cluster");
        GaleraCluster cluster;
        try {
            cluster = GaleraCluster.start(clusterDir);
        } catch (RuntimeException e) {
            // mariadb-install-db can trip over another one's temporary tables in /tmp on a shared machine.
            System.err.println("The cluster did not start; trying once more: " + e.getMessage());
            clusterDir = work.resolve("cluster-again");
            cluster = GaleraCluster.start(clusterDir);
        }
        try {
            return runOn(cluster);
        } finally {
            for (Console console : consoles) {
                console.close();
            }
            for (int node = 1; node <= GaleraCluster.NODES; node++) {
                Path log = clusterDir.resolve("node" + node).resolve("error.log");
                if (Files.exists(log)) {
                    Files.copy(log, work.resolve("galera-node" + node + "-error.log"));
                }
            }
            cluster.close();
        }
    }

    private boolean runOn(GaleraCluster cluster) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of("NRE_ADMIN_PASSWORD", ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", DEMO_PASSWORD,
                "NRE_SECRETS_KEY", Base64.getEncoder().encodeToString(key), "NRE_DB_PASSWORD", cluster.password());
        // One console first: it migrates the schema; the others find it made.
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            consoles.add(Console.start(node, consoleJar, plugins, work, cluster, env, plan.ownAddresses));
        }
        figure("consoles", consoles.size() + " on " + GaleraCluster.NODES + " Galera nodes");

        Console first = consoles.get(0);
        Session admin = Session.signIn(first, "admin", ADMIN_PASSWORD, null);
        grant(admin, "nre.registration", "group:g-sysadmins", "RW");
        Session sysadmin = Session.signIn(first, "sysadmin", DEMO_PASSWORD, null);
        await(() -> sysadmin.get("/panels/nre").body().contains(TERMS_OFFERED), "the router's terms on the panel",
                Duration.ofSeconds(60));
        Response registered = sysadmin.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}");
        if (registered.status() != 200) {
            throw new IllegalStateException("Register answered " + registered.status() + ": " + registered.body());
        }
        int survivorNode = 2;
        await(() -> holder(cluster, survivorNode).isPresent(), "a console to hold the lease " + LEASE,
                Duration.ofSeconds(30));
        String holderId = holder(cluster, survivorNode).orElseThrow();
        Console struck = consoles.stream().filter(c -> c.nodeId.equals(holderId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The lease's holder " + holderId + " is none of the "
                        + "consoles"));
        int watchNode = struck.number % GaleraCluster.NODES + 1;
        figure("lease-holder-before", "console " + struck.number + " (" + holderId + ")");
        figure("killed-node", struck.number);
        figure("plan", plan.seconds + " s after " + plan.warmUp + " s of warm-up, node killed at " + plan.killAt
                + " s, started again at " + plan.restartAt + " s, " + plan.threads + " users a console, "
                + plan.thinkMillis + " ms between a user's requests, " + (plan.ownAddresses ? "each user from an address "
                + "of their own (X-Forwarded-For from a trusted proxy)" : "every user from 127.0.0.1"));

        // Every user is a system administrator of their own (the group holds the NRE right), all from 127.0.0.1 as
        // from a school's shared address unless each is given one; each signs in before the clock starts, and again
        // now and then.
        List<String> logins = addSystemAdministrators(cluster, consoles.size() * plan.threads);
        List<Thread> users = new ArrayList<>();
        for (Console console : consoles) {
            for (int t = 0; t < plan.threads; t++) {
                String login = logins.get((console.number - 1) * plan.threads + t);
                // A documentation address (TEST-NET-2), named in a header only: nothing is sent to it.
                String from = plan.ownAddresses ? "198.51.100." + ((console.number - 1) * plan.threads + t + 1) : null;
                User user = new User(console, login, from, Session.signIn(console, "admin", ADMIN_PASSWORD, from),
                        Session.signIn(console, login, DEMO_PASSWORD, from), new Random(31L * console.number + t));
                users.add(new Thread(user::loop, "user-" + console.number + "-" + t));
            }
        }
        List<Thread> samplers = new ArrayList<>();
        for (Console console : consoles) {
            samplers.add(new Thread(() -> sampleHealth(console), "healthz-" + console.number));
        }
        samplers.add(new Thread(() -> sampleLease(cluster, watchNode), "lease"));

        // The clock starts after the warm-up: the consoles' first requests run code not yet compiled.
        origin = System.currentTimeMillis() + plan.warmUp * 1000L;
        users.forEach(Thread::start);
        sleepUntil(0);
        samplers.forEach(Thread::start);
        // Galera's certification counters at each phase's start and end; the node killed has none while it is down,
        // and counts from 0 again once restarted.
        List<Map<Integer, long[]>> starts = new ArrayList<>();
        List<Map<Integer, long[]>> ends = new ArrayList<>();
        starts.add(certificationCounters(cluster));
        sleepUntil(plan.killAt * 1000L);
        Map<Integer, long[]> atKill = certificationCounters(cluster);
        ends.add(atKill);
        long killed = now();
        cluster.kill(struck.number);
        Map<Integer, long[]> survivorsAtKill = new TreeMap<>(atKill);
        survivorsAtKill.remove(struck.number);
        starts.add(survivorsAtKill);
        sleepUntil(plan.restartAt * 1000L);
        long restarting = now();
        cluster.restart(struck.number);
        long rejoined = now();
        Map<Integer, long[]> atRejoin = certificationCounters(cluster);
        ends.add(atRejoin);
        starts.add(atRejoin);
        sleepUntil(Math.max(plan.seconds * 1000L, rejoined + 5_000));
        loading.set(false);
        long ended = now();
        ends.add(certificationCounters(cluster));
        for (Thread user : users) {
            user.join(REQUEST_TIMEOUT.toMillis() + 5_000);
        }
        // The dead console's /healthz is followed until it is UP again (or 60 s have passed).
        await(() -> health.stream().anyMatch(h -> h.console == struck.number && h.startMillis >= restarting
                && h.status == 200), "the struck console's /healthz to answer 200 again", Duration.ofSeconds(60));
        sampling.set(false);
        for (Thread sampler : samplers) {
            sampler.join(10_000);
        }
        return report(cluster, struck, new long[] {0, killed, rejoined, ended}, restarting, holderId,
                List.of(starts, ends));
    }

    // ------------------------------------------------------------------ the users

    /** One person at a console: a closed loop of what an administrator and a system administrator do. */
    private final class User {
        final Console console;
        final String login;
        final String from;
        final Session admin;
        Session sysadmin;
        final Random random;
        boolean granted;

        User(Console console, String login, String from, Session admin, Session sysadmin, Random random) {
            this.console = console;
            this.login = login;
            this.from = from;
            this.admin = admin;
            this.sysadmin = sysadmin;
            this.random = random;
        }

        void loop() {
            while (loading.get()) {
                int pick = random.nextInt(100);
                if (pick < 20) {
                    measure("panel", () -> sysadmin.get("/panels/nre"), s -> s == 200);
                } else if (pick < 40) {
                    measure("panel-json", () -> sysadmin.get("/api/panels/nre"), s -> s == 200);
                } else if (pick < 48) {
                    measure("home", () -> sysadmin.get("/"), s -> s == 200);
                } else if (pick < 53) {
                    measure("notices", () -> sysadmin.get("/notices"), s -> s == 200);
                } else if (pick < 62) {
                    measure("admin-rights", () -> admin.get("/admin/rights"), s -> s == 200);
                } else if (pick < 71) {
                    measure("admin-users", () -> admin.get("/admin/users"), s -> s == 200);
                } else if (pick < 80) {
                    measure("admin-audit", () -> admin.get("/admin/audit"), s -> s == 200);
                } else if (pick < 92) {
                    changeRights();
                } else if (pick < 96) {
                    // "Check status now": 409 when a check is already under way.
                    measure("check-status", () -> sysadmin.postJson("/api/panels/nre/actions/refresh", "{}"),
                            s -> s == 200 || s == 409);
                } else {
                    signIn();
                }
                pause(plan.thinkMillis);
            }
        }

        /** The settings right's page as JSON (its version), then one person's grant given or taken away. */
        private void changeRights() {
            Response right = measure("rights-read", () -> admin.get("/api/rights/nre.settings"), s -> s == 200);
            Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(right == null ? "" : right.body());
            if (right == null || right.status() != 200 || !version.find()) {
                return;
            }
            String levels = granted ? "" : "R";
            Response changed = measure("rights-change", () -> admin.postJson("/api/rights/nre.settings/grant",
                    "{\"subject\":\"user:" + GRANTEES[console.number - 1] + "\",\"levels\":\"" + levels
                            + "\",\"version\":" + version.group(1) + ",\"confirm\":true}"),
                    // 409: another administrator changed the right since it was read.
                    s -> s == 200 || s == 409);
            if (changed != null && changed.status() == 200) {
                granted = !granted;
            }
        }

        private void signIn() {
            long started = now();
            long nanos = System.nanoTime();
            try {
                Session fresh = Session.signIn(console, login, DEMO_PASSWORD, from);
                answers.add(new Answer(console.number, "sign-in", started, (System.nanoTime() - nanos) / 1000, 200,
                        true, ""));
                sysadmin = fresh;
            } catch (SignInRefused e) {
                answers.add(new Answer(console.number, "sign-in", started, (System.nanoTime() - nanos) / 1000,
                        e.status, false, e.getMessage()));
            } catch (IOException e) {
                answers.add(new Answer(console.number, "sign-in", started, (System.nanoTime() - nanos) / 1000, 0,
                        false, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Response measure(String action, Call call, Predicate<Integer> expected) {
            long started = now();
            long nanos = System.nanoTime();
            try {
                Response response = call.send();
                boolean fine = expected.test(response.status());
                answers.add(new Answer(console.number, action, started, (System.nanoTime() - nanos) / 1000,
                        response.status(), fine, fine ? "" : response.body()));
                return response;
            } catch (IOException e) {
                answers.add(new Answer(console.number, action, started, (System.nanoTime() - nanos) / 1000, 0, false,
                        e.toString()));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private interface Call {
        Response send() throws IOException, InterruptedException;
    }

    // ------------------------------------------------------------------ the samplers

    /**
     * Asks a console's {@code /healthz} every 250 ms without waiting for the answer before the next question, so that
     * a slow answer (a console whose database is gone) neither delays the samples nor hides how slow it was.
     */
    private void sampleHealth(Console console) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long next = now();
        while (sampling.get()) {
            long started = now();
            pending.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port
                    + "/healthz")).timeout(HEALTH_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .handle((answer, failure) -> {
                        if (answer == null) {
                            health.add(new Health(console.number, started, now() - started, 0, "no answer"));
                        } else {
                            Matcher named = Pattern.compile("\"status\":\"([A-Z]+)\"").matcher(answer.body());
                            health.add(new Health(console.number, started, now() - started, answer.statusCode(),
                                    named.find() ? named.group(1) : ""));
                        }
                        return null;
                    }));
            pending.removeIf(CompletableFuture::isDone);
            next += HEALTH_EVERY.toMillis();
            long wait = next - now();
            if (wait > 0) {
                pause(wait);
            } else {
                next = now();
            }
        }
        for (CompletableFuture<?> answer : pending) {
            try {
                answer.get(HEALTH_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Recorded by its handler, or left out when it outlived its own timeout.
            }
        }
    }

    private void sampleLease(GaleraCluster cluster, int node) {
        while (sampling.get()) {
            long started = now();
            try {
                leases.add(new LeaseSample(started, holder(cluster, node).orElse("")));
            } catch (RuntimeException e) {
                leases.add(new LeaseSample(started, "?" + e.getMessage()));
            }
            pause(Math.max(1, LEASE_EVERY.toMillis() - (now() - started)));
        }
    }

    /**
     * Each running node's count of local transactions its certification refused and of those aborted by another
     * node's replicated one (wsrep_local_cert_failures, wsrep_local_bf_aborts), by node number.
     */
    private static Map<Integer, long[]> certificationCounters(GaleraCluster cluster) {
        Map<Integer, long[]> counters = new TreeMap<>();
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            if (!cluster.isRunning(node)) {
                continue;
            }
            try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN "
                         + "('wsrep_local_cert_failures', 'wsrep_local_bf_aborts')")) {
                long total = 0;
                while (rows.next()) {
                    total += rows.getLong(2);
                }
                counters.put(node, new long[] {total});
            } catch (SQLException e) {
                System.err.println("Node " + node + " gave no certification counters: " + e.getMessage());
            }
        }
        return counters;
    }

    /** The lease's holder as a node of the cluster sees it: its owner while it has not run out. */
    private static Optional<String> holder(GaleraCluster cluster, int node) {
        // Lease times are UTC wall-clock values, as the console writes them.
        try (Connection connection = cluster.connect(node); PreparedStatement statement = connection.prepareStatement(
                "SELECT owner FROM host_lease WHERE name = ? AND expires_at > ?")) {
            statement.setQueryTimeout(5);
            statement.setString(1, LEASE);
            statement.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Node " + node + " cannot say who holds the lease: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ the report

    /**
     * Prints the figures and the verdict.
     *
     * @param bounds the phases' bounds, relative to the start: start, kill, rejoined, end of the load
     * @param conflicts each node's certification counters at each phase's start, then at each phase's end
     */
    private boolean report(GaleraCluster cluster, Console struck, long[] bounds, long restarting, String holderId,
                           List<List<Map<Integer, long[]>>> conflicts) throws IOException {
        List<Answer> all = answers.stream().sorted((a, b) -> Long.compare(a.startMillis, b.startMillis)).toList();
        writeAnswers(all);
        writePerSecond(all);
        writeHealth();
        figure("timeline", String.format(Locale.ROOT, "killed at %.1f s, restart begun at %.1f s, rejoined (synced) at"
                + " %.1f s, load ended at %.1f s", bounds[1] / 1000.0, restarting / 1000.0, bounds[2] / 1000.0,
                bounds[3] / 1000.0));
        figure("rejoin-seconds", String.format(Locale.ROOT, "%.1f", (bounds[2] - restarting) / 1000.0));

        List<Answer> warm = all.stream().filter(a -> a.startMillis < 0).toList();
        figure("warm-up", warm.size() + " requests, " + warm.stream().filter(a -> !a.expected).count() + " failed "
                + byStatus(warm));
        boolean survivorsClean = true;
        for (int p = 0; p < PHASES.length; p++) {
            long from = bounds[p];
            long to = bounds[p + 1];
            double seconds = (to - from) / 1000.0;
            List<Answer> phase = all.stream().filter(a -> a.startMillis >= from && a.startMillis < to).toList();
            String name = PHASES[p];
            figure(name + ".seconds", String.format(Locale.ROOT, "%.1f", seconds));
            throughput(name + ".all", phase, seconds);
            throughput(name + ".survivors", phase.stream().filter(a -> a.console != struck.number).toList(), seconds);
            for (Console console : consoles) {
                List<Answer> mine = phase.stream().filter(a -> a.console == console.number).toList();
                throughput(name + ".console" + console.number, mine, seconds);
                long failed = mine.stream().filter(a -> !a.expected).count();
                figure(name + ".console" + console.number + ".failed", failed + " of " + mine.size()
                        + (failed == 0 ? "" : " " + byStatus(mine.stream().filter(a -> !a.expected).toList())));
                if (console != struck && p > 0 && failed > 0) {
                    survivorsClean = false;
                }
                // Transactions the node's certification refused (the kit runs them again), from Galera's counters.
                long[] before = conflicts.get(0).get(p).get(console.number);
                long[] after = conflicts.get(1).get(p).get(console.number);
                figure(name + ".node" + console.number + ".certification-failures", before == null || after == null
                        ? "node down" : String.valueOf(after[0] - before[0]));
            }
        }
        explainFailures(all, struck, bounds[1]);
        stall(all, struck, bounds[1]);

        List<Health> samples = health.stream().sorted((a, b) -> Long.compare(a.startMillis, b.startMillis)).toList();
        List<Health> mine = samples.stream().filter(h -> h.console == struck.number).toList();
        Optional<Health> notUp = mine.stream().filter(h -> h.startMillis >= bounds[1] && h.status != 200).findFirst();
        // DOWN is known when its answer arrives: the first 503 answer to arrive after the kill.
        Optional<Health> down = mine.stream().filter(h -> h.startMillis >= bounds[1] && h.status == 503)
                .min((a, b) -> Long.compare(a.startMillis + a.millis, b.startMillis + b.millis));
        Optional<Health> up = mine.stream().filter(h -> h.startMillis >= restarting && h.status == 200)
                .min((a, b) -> Long.compare(a.startMillis + a.millis, b.startMillis + b.millis));
        figure("struck.healthz-first-not-200-asked-after-kill-ms", notUp.map(h -> describe(h, bounds[1]))
                .orElse("never"));
        figure("struck.healthz-down-answered-after-kill-ms", down.map(h -> arrived(h, bounds[1])).orElse("never"));
        List<Health> whileDown = mine.stream().filter(h -> h.startMillis >= bounds[1] && h.startMillis < restarting)
                .toList();
        long[] downMillis = whileDown.stream().mapToLong(Health::millis).sorted().toArray();
        figure("struck.healthz-while-down", whileDown.size() + " asked: " + whileDown.stream().collect(
                java.util.stream.Collectors.groupingBy(h -> h.status == 0 ? "no answer in " + HEALTH_TIMEOUT
                        .toSeconds() + " s" : h.status + " " + h.says, TreeMap::new,
                        java.util.stream.Collectors.counting())) + ", answer time median " + percentile(downMillis, 0.5)
                + " ms, slowest " + (downMillis.length == 0 ? -1 : downMillis[downMillis.length - 1]) + " ms");
        figure("struck.healthz-up-answered-after-restart-ms", up.map(h -> arrived(h, restarting)).orElse("never"));
        Optional<Health> upNamed = mine.stream().filter(h -> h.startMillis >= restarting && "UP".equals(h.says))
                .min((a, b) -> Long.compare(a.startMillis + a.millis, b.startMillis + b.millis));
        figure("struck.healthz-up-named-after-restart-ms", upNamed.map(h -> arrived(h, restarting)).orElse("never"));
        figure("struck.healthz-up-answered-after-rejoin-ms", up.map(h -> arrived(h, bounds[2])).orElse("never"));
        for (Console console : consoles) {
            if (console != struck) {
                List<Health> theirs = samples.stream().filter(h -> h.console == console.number).toList();
                long bad = theirs.stream().filter(h -> h.status != 200).count();
                long[] millis = theirs.stream().mapToLong(Health::millis).sorted().toArray();
                figure("console" + console.number + ".healthz", theirs.size() + " samples, " + bad + " not 200, "
                        + "slowest " + (millis.length == 0 ? -1 : millis[millis.length - 1]) + " ms");
            }
        }

        Optional<LeaseSample> moved = leases.stream().filter(l -> l.startMillis >= bounds[1] && !l.holder.isEmpty()
                && !l.holder.equals(holderId) && !l.holder.startsWith("?")).findFirst();
        Optional<LeaseSample> lapsed = leases.stream().filter(l -> l.startMillis >= bounds[1] && l.holder.isEmpty())
                .findFirst();
        figure("lease.ran-out-after-kill-ms", lapsed.map(l -> String.valueOf(l.startMillis - bounds[1]))
                .orElse("never seen"));
        figure("lease.moved-after-kill-ms", moved.map(l -> (l.startMillis - bounds[1]) + " (to "
                + consoleOf(l.holder) + ")").orElse("never"));
        writeLeases();
        List<String> holders = new ArrayList<>();
        for (LeaseSample sample : leases) {
            String who = sample.holder.isEmpty() ? "none" : consoleOf(sample.holder);
            if (holders.isEmpty() || !holders.get(holders.size() - 1).endsWith(" " + who)) {
                holders.add(String.format(Locale.ROOT, "%.2f s %s", sample.startMillis / 1000.0, who));
            }
        }
        figure("lease.holders", String.join(", ", holders));

        figure("signin-throttle-rows", count(cluster, "SELECT COUNT(*) FROM host_signin_failure") + ", with a count "
                + "left: " + rows(cluster, "SELECT throttle_key, failures, locked_until FROM host_signin_failure WHERE "
                + "failures > 0 ORDER BY throttle_key"));
        figure("signin-throttled-audit-entries", count(cluster, "SELECT COUNT(*) FROM host_audit WHERE action = "
                + "'signin.throttled'"));
        long registrations = count(cluster, "SELECT COUNT(*) FROM nre_registration");
        long routerSide = count(cluster, "SELECT COUNT(*) FROM sim_registration");
        figure("registrations", registrations + " (the simulated router's: " + routerSide + ")");

        boolean leaseMoved = moved.isPresent() && moved.get().startMillis - bounds[1] <= LEASE_MOVE_LIMIT.toMillis();
        boolean recovered = up.isPresent();
        boolean held = survivorsClean && registrations == 1 && leaseMoved && recovered;
        System.out.println((held ? "HELD" : "FAILED") + " galera-failover: surviving consoles "
                + (survivorsClean ? "answered every request" : "FAILED requests") + " after the kill; registrations "
                + registrations + (registrations == 1 ? "" : " (not 1)") + "; the lease "
                + (leaseMoved ? "moved within " + LEASE_MOVE_LIMIT.toSeconds() + " s" : "did NOT move within "
                + LEASE_MOVE_LIMIT.toSeconds() + " s") + "; the struck console " + (recovered ? "recovered (/healthz 200)"
                : "did NOT recover"));
        return held;
    }

    /**
     * How long the surviving consoles stood still after the kill: the longest time in the 30 s after it in which none
     * of their requests was answered, and their slowest answer then. (Galera holds commits until the cluster has
     * dropped the silent node from its view.)
     */
    private void stall(List<Answer> all, Console struck, long killed) {
        List<Answer> survivors = all.stream().filter(a -> a.console != struck.number).toList();
        long[] answered = survivors.stream().mapToLong(a -> a.startMillis + a.micros / 1000)
                .filter(at -> at >= killed && at < killed + 30_000).sorted().toArray();
        long longest = 0;
        long from = killed;
        long previous = killed;
        for (long at : answered) {
            if (at - previous > longest) {
                longest = at - previous;
                from = previous;
            }
            previous = at;
        }
        figure("survivors.longest-silence-after-kill-ms", longest + " (from " + (from - killed) + " ms after the kill)");
        long slowest = survivors.stream().filter(a -> a.startMillis >= killed - 1_000 && a.startMillis < killed + 30_000)
                .mapToLong(a -> a.micros / 1000).max().orElse(-1);
        figure("survivors.slowest-answer-around-kill-ms", slowest);
    }

    private void throughput(String name, List<Answer> answers, double seconds) {
        long[] micros = answers.stream().mapToLong(Answer::micros).sorted().toArray();
        figure(name + ".requests-per-s", String.format(Locale.ROOT, "%.1f", answers.size() / seconds));
        figure(name + ".p50-ms", String.format(Locale.ROOT, "%.1f", percentile(micros, 0.50) / 1000.0));
        figure(name + ".p99-ms", String.format(Locale.ROOT, "%.1f", percentile(micros, 0.99) / 1000.0));
        figure(name + ".statuses", byStatus(answers));
    }

    private static String byStatus(List<Answer> answers) {
        Map<String, Long> classes = new TreeMap<>();
        answers.forEach(a -> classes.merge(a.status == 0 ? "none" : String.valueOf(a.status), 1L, Long::sum));
        return classes.toString();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1000;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
    }

    /**
     * For each failed request on a console whose node stayed up, its status and body and the console's log lines
     * of the seconds around it; on the struck console, the first few.
     */
    private void explainFailures(List<Answer> all, Console struck, long killed) throws IOException {
        int shown = 0;
        for (Answer failure : all.stream().filter(a -> !a.expected).toList()) {
            boolean survivor = failure.console != struck.number;
            if (!survivor && shown >= 3) {
                continue;
            }
            if (shown >= 12) {
                break;
            }
            shown++;
            String body = failure.body.replaceAll("\\s+", " ");
            figure("failure", String.format(Locale.ROOT, "console %d%s at %.3f s (%+.3f s from the kill): %s answered "
                    + "%s in %d ms: %s", failure.console, survivor ? "" : " (struck)", failure.startMillis / 1000.0,
                    (failure.startMillis - killed) / 1000.0, failure.action, failure.status == 0 ? "nothing"
                    : String.valueOf(failure.status), failure.micros / 1000, body.substring(0, Math.min(300,
                    body.length()))));
            if (survivor) {
                consoles.get(failure.console - 1).linesAround(origin + failure.startMillis, 3_000)
                        .forEach(line -> figure("failure.log", "console " + failure.console + ": " + line));
            }
        }
    }

    private String consoleOf(String nodeId) {
        return consoles.stream().filter(c -> c.nodeId.equals(nodeId)).map(c -> "console " + c.number).findFirst()
                .orElse(nodeId);
    }

    /** When an answer arrived, from an instant, and what it was. */
    private static String arrived(Health sample, long from) {
        return (sample.startMillis + sample.millis - from) + " (asked at " + (sample.startMillis - from) + ", answered "
                + sample.status + " " + sample.says + " in " + sample.millis + " ms)";
    }

    private static String describe(Health sample, long from) {
        return (sample.startMillis - from) + " (" + (sample.status == 0 ? "no answer" : sample.status + " "
                + sample.says) + " in " + sample.millis + " ms)";
    }

    private static long count(GaleraCluster cluster, String sql) {
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement()) {
                // Read after every commit the cluster has ordered, whichever node made it.
                statement.execute("SET SESSION wsrep_sync_wait = 1");
                try (ResultSet rows = statement.executeQuery(sql)) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                System.err.println("Node " + node + " could not count (" + sql + "): " + e.getMessage());
            }
        }
        return -1;
    }

    private static String rows(GaleraCluster cluster, String sql) {
        for (int node = 1; node <= GaleraCluster.NODES; node++) {
            try (Connection connection = cluster.connect(node); Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait = 1");
                List<String> rows = new ArrayList<>();
                try (ResultSet found = statement.executeQuery(sql)) {
                    int columns = found.getMetaData().getColumnCount();
                    while (found.next()) {
                        List<String> values = new ArrayList<>();
                        for (int c = 1; c <= columns; c++) {
                            values.add(String.valueOf(found.getObject(c)));
                        }
                        rows.add(String.join(" ", values));
                    }
                }
                return rows.isEmpty() ? "none" : String.join("; ", rows);
            } catch (SQLException e) {
                System.err.println("Node " + node + " could not read (" + sql + "): " + e.getMessage());
            }
        }
        return "?";
    }

    private void writeAnswers(List<Answer> all) throws IOException {
        StringBuilder csv = new StringBuilder("start_ms,console,action,status,expected,latency_ms\n");
        for (Answer a : all) {
            csv.append(a.startMillis).append(',').append(a.console).append(',').append(a.action).append(',')
                    .append(a.status).append(',').append(a.expected).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", a.micros / 1000.0)).append('\n');
        }
        Files.writeString(work.resolve("requests.csv"), csv);
    }

    /** Per second and console: answers by status class, failures, and the median and 99th percentile latency. */
    private void writePerSecond(List<Answer> all) throws IOException {
        StringBuilder table = new StringBuilder("second console answers 2xx 3xx 4xx 5xx none failed p50_ms p99_ms\n");
        long last = all.isEmpty() ? 0 : all.get(all.size() - 1).startMillis / 1000;
        for (long second = 0; second <= last; second++) {
            long s = second;
            for (Console console : consoles) {
                List<Answer> mine = all.stream().filter(a -> a.console == console.number && a.startMillis >= 0
                        && a.startMillis / 1000 == s).toList();
                long[] micros = mine.stream().mapToLong(Answer::micros).sorted().toArray();
                table.append(String.format(Locale.ROOT, "%d %d %d %d %d %d %d %d %d %.1f %.1f%n", second,
                        console.number, mine.size(), classCount(mine, "2xx"), classCount(mine, "3xx"),
                        classCount(mine, "4xx"), classCount(mine, "5xx"), classCount(mine, "none"),
                        mine.stream().filter(a -> !a.expected).count(), percentile(micros, 0.5) / 1000.0,
                        percentile(micros, 0.99) / 1000.0));
            }
        }
        Files.writeString(work.resolve("per-second.txt"), table);
    }

    private static long classCount(List<Answer> answers, String statusClass) {
        return answers.stream().filter(a -> a.statusClass().equals(statusClass)).count();
    }

    private void writeHealth() throws IOException {
        StringBuilder csv = new StringBuilder("start_ms,console,status,says,latency_ms\n");
        health.stream().sorted((a, b) -> Long.compare(a.startMillis, b.startMillis)).forEach(h -> csv
                .append(h.startMillis).append(',').append(h.console).append(',').append(h.status).append(',')
                .append(h.says).append(',').append(h.millis).append('\n'));
        Files.writeString(work.resolve("healthz.csv"), csv);
    }

    private void writeLeases() throws IOException {
        StringBuilder csv = new StringBuilder("start_ms,holder\n");
        leases.forEach(l -> csv.append(l.startMillis).append(',').append(l.holder.isEmpty() ? "none"
                : consoleOf(l.holder)).append('\n'));
        Files.writeString(work.resolve("lease.csv"), csv);
    }

    // ------------------------------------------------------------------ set-up and small parts

    /**
     * Adds system administrators with the demo staff's password, each in the group that holds the NRE right, as
     * AdminPagesLoad seeds its district: straight into the database, then the rights generation moved on.
     */
    private static List<String> addSystemAdministrators(GaleraCluster cluster, int count) throws SQLException {
        List<String> logins = new ArrayList<>();
        try (Connection connection = cluster.connect(1)) {
            String hash;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT password_hash FROM host_user WHERE id = 'u-sysadmin'")) {
                row.next();
                hash = row.getString(1);
            }
            connection.setAutoCommit(false);
            try (PreparedStatement user = connection.prepareStatement("INSERT INTO host_user (id, login, first_name, "
                    + "last_name, password_hash, administrator, must_change_password, disabled, created_at, "
                    + "search_text) VALUES (?, ?, ?, ?, ?, FALSE, FALSE, FALSE, ?, ?)");
                 PreparedStatement member = connection.prepareStatement("INSERT INTO host_group_member (group_id, "
                         + "user_id) VALUES ('g-sysadmins', ?)");
                 Statement generation = connection.createStatement()) {
                for (int i = 1; i <= count; i++) {
                    String login = "itstaff" + i;
                    user.setString(1, "u-" + login);
                    user.setString(2, login);
                    user.setString(3, "Staff");
                    user.setString(4, "Member " + i);
                    user.setString(5, hash);
                    user.setObject(6, LocalDateTime.now(ZoneOffset.UTC));
                    user.setString(7, "staff member " + i + " " + login);
                    user.executeUpdate();
                    member.setString(1, "u-" + login);
                    member.executeUpdate();
                    logins.add(login);
                }
                generation.executeUpdate("UPDATE host_rights_generation SET generation = generation + 1 WHERE slot = 1");
            }
            connection.commit();
        }
        return logins;
    }

    private static void grant(Session admin, String right, String subject, String levels) throws Exception {
        Matcher version = Pattern.compile("\"version\":(\\d+)").matcher(admin.get("/api/rights/" + right).body());
        if (!version.find()) {
            throw new IllegalStateException("No version in /api/rights/" + right);
        }
        Response saved = admin.postJson("/api/rights/" + right + "/grant", "{\"subject\":\"" + subject
                + "\",\"levels\":\"" + levels + "\",\"version\":" + version.group(1) + ",\"confirm\":true}");
        if (saved.status() != 200) {
            throw new IllegalStateException("Granting " + levels + " of " + right + " to " + subject + " answered "
                    + saved.status() + ": " + saved.body());
        }
    }

    private long now() {
        return System.currentTimeMillis() - origin;
    }

    private void sleepUntil(long millis) throws InterruptedException {
        long wait = millis - now();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // Not yet: asked again.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Waited " + timeout.toSeconds() + " s in vain for " + what);
    }

    private static void figure(String name, Object value) {
        System.out.println("FIGURE galera." + name + " " + value);
    }

    // ------------------------------------------------------------------ consoles and sessions

    /** An answer: status and body. */
    record Response(int status, String body) {
    }

    /** A sign-in that did not hand out a session. */
    static final class SignInRefused extends IOException {
        final int status;

        SignInRefused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * A signed-in user of one console: the session cookie and the CSRF token from the JSON sign-in, and the address
     * the user's proxy forwards (null: none, the user is 127.0.0.1).
     */
    private record Session(Console console, String cookie, String csrf, String from) {
        static Session signIn(Console console, String login, String password, String from) throws IOException,
                InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(console.uri("/api/session"))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\""
                            + password + "\"}"));
            if (from != null) {
                request.header("X-Forwarded-For", from);
            }
            HttpResponse<String> answer = console.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher cookie = Pattern.compile("nre_session=([^;]+)").matcher(String.join("; ",
                    answer.headers().allValues("set-cookie")));
            Matcher csrf = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(answer.body());
            if (answer.statusCode() != 200 || !cookie.find() || !csrf.find()) {
                throw new SignInRefused(answer.statusCode(), "Sign-in as " + login + " answered " + answer.statusCode()
                        + ": " + answer.body());
            }
            return new Session(console, cookie.group(1), csrf.group(1), from);
        }

        Response get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(console.uri(path)).GET());
        }

        Response postJson(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(console.uri(path)).header("Content-Type", "application/json")
                    .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (from != null) {
                request.header("X-Forwarded-For", from);
            }
            HttpResponse<String> answer = console.http.send(request.timeout(REQUEST_TIMEOUT)
                    .header("Cookie", "nre_session=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(answer.statusCode(), answer.body());
        }
    }

    /** A console process on one node, started with {@code java -jar}, its output in a log file. */
    private static final class Console implements AutoCloseable {
        final int number;
        final int port;
        final Process process;
        final Path log;
        final String nodeId;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        private Console(int number, int port, Process process, Path log, String nodeId) {
            this.number = number;
            this.port = port;
            this.process = process;
            this.log = log;
            this.nodeId = nodeId;
        }

        static Console start(int number, Path jar, Path plugins, Path work, GaleraCluster cluster,
                             Map<String, String> env, boolean behindProxy) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path log = work.resolve("console-" + number + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "--port", String.valueOf(port), "--plugins", plugins.toString(),
                    "--data", Files.createDirectories(work.resolve("console-" + number)).toString(), "--db-url",
                    cluster.url(number), "--db-user", cluster.user(), "--demo-data", "true", "--server-address",
                    "127.0.0.1"));
            if (behindProxy) {
                command.addAll(List.of("--trusted-proxies", "127.0.0.1"));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("NRE_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!read(log).contains(" listening on ")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Console " + number + " did not start; see " + log);
                }
                Thread.sleep(100);
            }
            Matcher node = Pattern.compile("Console node (\\S+)").matcher(read(log));
            if (!node.find()) {
                process.destroyForcibly();
                throw new IllegalStateException("Console " + number + " logged no node id; see " + log);
            }
            return new Console(number, port, process, log, node.group(1));
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /**
         * The log's warnings and errors stamped within a span of an instant (the console stamps each line with its
         * time), less the lease inserts every other node makes at each beat.
         */
        List<String> linesAround(long epochMillis, long span) throws IOException {
            List<String> near = new ArrayList<>();
            for (String line : linesBetween(epochMillis - span, epochMillis + span)) {
                if (!line.contains("[INFO]") && !line.contains("Duplicate entry '" + LEASE + "'")) {
                    near.add(line.length() > 400 ? line.substring(0, 400) + " ..." : line);
                }
            }
            return near.size() > 8 ? near.subList(0, 8) : near;
        }

        /** The log's lines stamped from one instant (inclusive) to another, in epoch milliseconds. */
        List<String> linesBetween(long fromMillis, long toMillis) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line : read(log).split("\n")) {
                int space = line.indexOf(' ');
                if (space < 20 || !Character.isDigit(line.charAt(0))) {
                    continue;
                }
                try {
                    long at = OffsetDateTime.parse(line.substring(0, space)).toInstant().toEpochMilli();
                    if (at >= fromMillis && at < toMillis) {
                        lines.add(line);
                    }
                } catch (RuntimeException notStamped) {
                    // A continuation line (a stack trace's): left out.
                }
            }
            return lines;
        }

        private static String read(Path file) throws IOException {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
