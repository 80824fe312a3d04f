package org.nre.bench.load;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The abuse the console must survive, against a real console process: a flood of anonymous sign-ins at a small
 * heap, from one address and from many; and a router that answers after 9 s while hundreds of users press
 * "Check status now" and "Test connection". Prints one {@code FIGURE name value} line per figure and a verdict
 * per run; exits 1 when a verdict fails. Run by benchmarks/load.sh.
 */
public final class AbuseLoad {

    static final String ADMIN_PASSWORD = "load-console-password-7";
    static final String DEMO_PASSWORD = "load-demo-password-7";
    static final String TOKEN = "load-monitoring-token-0123456789";
    static final String TERMS = "The slow router's terms.";

    private final Path consoleJar;
    private final Path plugins;
    private final Path work;
    private boolean failed;

    private AbuseLoad(Path consoleJar, Path plugins, Path work) {
        this.consoleJar = consoleJar;
        this.plugins = plugins;
        this.work = work;
    }

    /** Arguments: the console's jar, the plugins folder, a scratch folder, and which runs: signins, slow-router. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: AbuseLoad CONSOLE_JAR PLUGINS_DIR WORK_DIR signins|slow-router...");
            System.exit(2);
        }
        AbuseLoad load = new AbuseLoad(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        for (int i = 3; i < args.length; i++) {
            switch (args[i]) {
                case "signins" -> {
                    load.signIns(200, false);
                    load.signIns(200, true);
                }
                case "slow-router" -> load.slowRouter(300, true);
                case "slow-router-cold" -> load.slowRouter(300, false);
                default -> throw new IllegalArgumentException("Unknown run " + args[i]);
            }
        }
        System.exit(load.failed ? 1 : 0);
    }

    // ------------------------------------------------------------------ item 2: sign-in floods

    private void signIns(int atOnce, boolean manyAddresses) throws Exception {
        String run = manyAddresses ? "signins-many-addresses" : "signins-one-address";
        try (Console console = Console.start(this, run, List.of("-Xmx256m"), List.of(), Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(atOnce);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<long[]>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < atOnce; i++) {
                    // 127.0.1.1 to 127.0.1.200: as many machines, so that no address's delay turns them away unchecked
                    String from = manyAddresses ? "127.0." + (1 + i / 250) + "." + (1 + i % 250) : "127.0.0.1";
                    String body = "{\"login\":\"guess-" + i + "\",\"password\":\"not-the-password-" + i + "\"}";
                    answers.add(pool.submit(() -> {
                        go.await();
                        long started = System.nanoTime();
                        int status = Http.post(from, console.port, "/api/session", "application/json", body, Map.of())
                                .status();
                        return new long[] {status, (System.nanoTime() - started) / 1_000_000};
                    }));
                }
                go.countDown();
                Map<Long, Long> statuses = new TreeMap<>();
                LongSummaryStatistics millis = new LongSummaryStatistics();
                for (Future<long[]> answer : answers) {
                    long[] result = answer.get(120, TimeUnit.SECONDS);
                    statuses.merge(result[0], 1L, Long::sum);
                    millis.accept(result[1]);
                }
                Http.Answer health = Http.get("127.0.0.1", console.port, "/healthz",
                        Map.of("Authorization", "Bearer " + TOKEN));
                long adminStarted = System.nanoTime();
                Http.Answer admin = Http.post("127.0.0.250", console.port, "/signin",
                        "application/x-www-form-urlencoded", "login=admin&password=" + ADMIN_PASSWORD,
                        Map.of("Origin", "http://localhost:" + console.port));
                long adminMillis = (System.nanoTime() - adminStarted) / 1_000_000;
                String log = console.log();
                figure(run + ".statuses", statuses.toString());
                figure(run + ".slowest-answer-ms", millis.getMax());
                figure(run + ".mean-answer-ms", Math.round(millis.getAverage()));
                figure(run + ".peak-rss-mib", console.peakRssMib());
                figure(run + ".healthz", health.status() + " " + health.body().replaceAll("\\s+", "").replaceAll(
                        "\"plugins\":\\[.*", "..."));
                figure(run + ".admin-signin", admin.status() + " in " + adminMillis + " ms");
                verdict(run, statuses.keySet().stream().allMatch(s -> s == 401 || s == 503)
                                && !log.contains("OutOfMemoryError") && !log.contains("Database is already closed")
                                && health.status() == 200 && health.body().contains("\"status\":\"UP\"")
                                && admin.status() == 303 && console.alive(),
                        "every answer 401 or 503, no OutOfMemoryError, the database open, /healthz UP, the "
                                + "administrator signed in right after");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    // ------------------------------------------------------------------ item 7: a slow router

    /**
     * @param warm whether one check runs to its end first, as in SlowRouterIT; without it, the burst meets code
     *     paths the console has not run since it started
     */
    private void slowRouter(int atOnce, boolean warm) throws Exception {
        String run = warm ? "slow-router" : "slow-router-cold";
        WireMockServer router = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(2 * atOnce + 50).http2PlainDisabled(true));
        router.start();
        try {
            router.stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withFixedDelay(9_000)
                    .withBody("{\"version\":\"2026-07\",\"effectiveDate\":\"2026-07-01\",\"digest\":\"sha256:"
                            + sha256(TERMS) + "\",\"text\":\"" + TERMS + "\"}")));
            Path settings = Files.writeString(work.resolve(run + "-plugin-settings.properties"),
                    "nre.router-url=http://127.0.0.1:" + router.port() + "\nnre.district-key=IL-0150-KEY\n"
                            + "nre.secret.shared-secret=a-shared-secret-of-some-length\n");
            try (Console console = Console.start(this, run, List.of(), List.of("--plugin-settings",
                    settings.toString()), Map.of())) {
                Session admin = Session.signIn(console.port, "admin", ADMIN_PASSWORD);
                admin.postJson("/api/rights/nre.registration/grants",
                        "{\"version\":1,\"groups\":{\"g-sysadmins\":\"RWD\"},\"users\":{},\"confirm\":true}");
                Session sysadmin = Session.signIn(console.port, "sysadmin", DEMO_PASSWORD);
                if (warm) {
                    // One check first, as a user presses it once before losing patience: it waits the router's 9 s.
                    figure(run + ".first-check", sysadmin.postJson("/api/panels/nre/actions/refresh", "{}")
                            .status());
                }

                AtomicBoolean watching = new AtomicBoolean(true);
                List<Long> health = new ArrayList<>();
                List<Integer> healthStatuses = new ArrayList<>();
                Thread watcher = new Thread(() -> watchHealth(console.port, watching, health, healthStatuses));
                ExecutorService pool = Executors.newFixedThreadPool(2 * atOnce);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> checks = new ArrayList<>();
                List<Future<Integer>> tests = new ArrayList<>();
                long started = System.nanoTime();
                try {
                    watcher.start();
                    for (int i = 0; i < atOnce; i++) {
                        checks.add(pool.submit(() -> {
                            go.await();
                            return sysadmin.postJson("/api/panels/nre/actions/refresh", "{}").status();
                        }));
                        tests.add(pool.submit(() -> {
                            go.await();
                            return admin.postJson("/api/panels/nre-settings/actions/test", "{}").status();
                        }));
                    }
                    go.countDown();
                    Map<Integer, Long> checked = statuses(checks);
                    Map<Integer, Long> tested = statuses(tests);
                    long allAnswered = (System.nanoTime() - started) / 1_000_000;
                    Thread.sleep(1_000);
                    watching.set(false);
                    watcher.join();
                    LongSummaryStatistics healthMillis = health.stream().mapToLong(Long::longValue)
                            .summaryStatistics();
                    List<Long> sorted = health.stream().sorted().toList();
                    int routerCalls = router.findAll(anyRequestedFor(anyUrl())).size();
                    figure(run + ".checks", checked.toString());
                    figure(run + ".connection-tests", tested.toString());
                    figure(run + ".router-calls", routerCalls);
                    figure(run + ".all-answered-ms", allAnswered);
                    figure(run + ".healthz-count", healthMillis.getCount());
                    figure(run + ".healthz-statuses", healthStatuses.stream().distinct().sorted().toList()
                            .toString());
                    figure(run + ".healthz-mean-ms", Math.round(healthMillis.getAverage() * 10) / 10.0);
                    figure(run + ".healthz-p99-ms", sorted.isEmpty() ? -1
                            : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)));
                    figure(run + ".healthz-slowest-ms", healthMillis.getMax());
                    verdict(run, healthMillis.getCount() > 100 && healthMillis.getMax() < 200
                                    && healthStatuses.stream().allMatch(s -> s == 200) && routerCalls <= 16,
                            "/healthz within 200 ms throughout, the router called 16 times at most");
                } finally {
                    watching.set(false);
                    pool.shutdownNow();
                }
            }
        } finally {
            router.stop();
        }
    }

    private static Map<Integer, Long> statuses(List<Future<Integer>> answers) throws Exception {
        Map<Integer, Long> statuses = new TreeMap<>();
        for (Future<Integer> answer : answers) {
            statuses.merge(answer.get(120, TimeUnit.SECONDS), 1L, Long::sum);
        }
        return statuses;
    }

    /** One GET /healthz every 50 ms, each on its own connection, noting how long each answer took. */
    private static void watchHealth(int port, AtomicBoolean watching, List<Long> millis, List<Integer> statuses) {
        while (watching.get()) {
            long started = System.nanoTime();
            int status;
            try {
                status = Http.get("127.0.0.1", port, "/healthz", Map.of()).status();
            } catch (IOException e) {
                status = 0;
            }
            synchronized (millis) {
                millis.add((System.nanoTime() - started) / 1_000_000);
                statuses.add(status);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ------------------------------------------------------------------ reporting

    private static void figure(String name, Object value) {
        System.out.println("FIGURE " + name + " " + value);
    }

    private void verdict(String run, boolean held, String what) {
        System.out.println((held ? "HELD " : "FAILED ") + run + ": " + what);
        failed |= !held;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------ the console process

    /** A console started with {@code java -jar}, its output in a log file, stopped when closed. */
    private static final class Console implements AutoCloseable {
        final Process process;
        final int port;
        final Path log;

        private Console(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Console start(AbuseLoad load, String run, List<String> jvm, List<String> options,
                             Map<String, String> env) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path data = Files.createDirectories(load.work.resolve(run + "-data"));
            Path log = load.work.resolve(run + "-console.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(jvm);
            command.addAll(List.of("-jar", load.consoleJar.toString(), "--port", String.valueOf(port), "--plugins",
                    load.plugins.toString(), "--data", data.toString()));
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(Map.of("NRE_ADMIN_PASSWORD", ADMIN_PASSWORD, "NRE_DEMO_PASSWORD",
                    DEMO_PASSWORD, "NRE_MONITORING_TOKEN", TOKEN));
            builder.environment().putAll(env);
            Console console = new Console(builder.start(), port, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!console.log().contains(" listening on ")) {
                if (!console.process.isAlive() || System.nanoTime() > deadline) {
                    console.close();
                    throw new IllegalStateException("The console did not start; see " + log);
                }
                Thread.sleep(100);
            }
            return console;
        }

        String log() throws IOException {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }

        boolean alive() {
            return process.isAlive();
        }

        /** The most memory the process has held (VmHWM), in MiB; -1 where /proc does not say. */
        long peakRssMib() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A signed-in client of the JSON API: its session cookie and CSRF token. */
    private record Session(int port, String cookie, String csrf) {
        static Session signIn(int port, String login, String password) throws IOException {
            Http.Answer answer = Http.post("127.0.0.1", port, "/api/session", "application/json",
                    "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}", Map.of());
            Matcher cookie = Pattern.compile("nre_session=([^;]+)").matcher(answer.header("set-cookie"));
            Matcher csrf = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(answer.body());
            if (answer.status() != 200 || !cookie.find() || !csrf.find()) {
                throw new IllegalStateException("Sign-in as " + login + " answered " + answer.status());
            }
            return new Session(port, cookie.group(1), csrf.group(1));
        }

        Http.Answer postJson(String path, String body) throws IOException {
            return Http.post("127.0.0.1", port, path, "application/json", body, Map.of("Cookie", "nre_session="
                    + cookie, "X-CSRF-Token", csrf));
        }
    }

    /** HTTP/1.1 over a socket from a chosen loopback address (Java 17's HTTP client cannot choose it). */
    private static final class Http {
        record Answer(int status, Map<String, String> headers, String body) {
            String header(String name) {
                return headers.getOrDefault(name, "");
            }
        }

        static Answer get(String from, int port, String path, Map<String, String> headers) throws IOException {
            return send(from, port, "GET " + path, null, null, headers);
        }

        static Answer post(String from, int port, String path, String type, String body, Map<String, String> headers)
                throws IOException {
            return send(from, port, "POST " + path, type, body, headers);
        }

        private static Answer send(String from, int port, String requestLine, String type, String body,
                                   Map<String, String> headers) throws IOException {
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(from, 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(120_000);
                StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: localhost:")
                        .append(port).append("\r\nConnection: close\r\n");
                headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
                byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                if (body != null) {
                    request.append("Content-Type: ").append(type).append("\r\nContent-Length: ").append(bytes.length)
                            .append("\r\n");
                }
                request.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                int end = answer.indexOf("\r\n\r\n");
                String head = end < 0 ? answer : answer.substring(0, end);
                Map<String, String> answerHeaders = new TreeMap<>();
                String[] lines = head.split("\r\n");
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        answerHeaders.merge(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                                lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                    }
                }
                int status = lines[0].length() >= 12 ? Integer.parseInt(lines[0].substring(9, 12)) : 0;
                return new Answer(status, answerHeaders, end < 0 ? "" : answer.substring(end + 4));
            }
        }
    }
}
