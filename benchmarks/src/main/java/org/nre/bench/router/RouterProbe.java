package org.nre.bench.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link RouterClientBenchmark}'s calls interleaved in one JVM: each round makes {@value #CALLS} calls of each kind
 * in turn, so that client and bare calls share the same stub, the same JIT decisions and the same moment of the
 * machine (JMH measures each in its own JVM, one after the other, and such forks differ by up to 20% here). Prints
 * each round, then per call the median wall time, the calling thread's CPU time and the CPU time of all the
 * process's threads (the caller, java.net.http's own threads and the stub's: what the round trip costs the machine),
 * the client's overhead over each bare call by wall time and by process CPU time, and how many times the process's
 * threads waited per call (each a hand-off between threads: a count, which a busy machine hardly changes, where it
 * distorts both times as much as the overhead being measured).
 *
 * <p>Usage: {@code java -cp 'benchmarks.jar:lib/*' org.nre.bench.router.RouterProbe}
 */
public final class RouterProbe {

    private static final int WARM_UP_ROUNDS = 4;
    private static final int ROUNDS = 12;
    private static final int CALLS = 500;
    private static final List<String> KINDS = List.of("bareStatus", "bareSignedStatus", "clientStatus",
            "bareRegister", "bareSignedRegister", "clientRegister");

    private RouterProbe() {
    }

    public static void main(String[] args) throws Exception {
        RouterClientBenchmark benchmark = new RouterClientBenchmark();
        benchmark.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> processCpu = new LinkedHashMap<>();
        Map<String, List<Double>> waits = new LinkedHashMap<>();
        for (int round = 1; round <= WARM_UP_ROUNDS + ROUNDS; round++) {
            StringBuilder line = new StringBuilder(round <= WARM_UP_ROUNDS ? "warm-up " + round + ":" : "round "
                    + (round - WARM_UP_ROUNDS) + ":");
            for (String kind : KINDS) {
                Map<Long, Long> processBefore = threadCpu(threads);
                long waitsBefore = threadWaits();
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    call(benchmark, kind);
                }
                double wallUs = (System.nanoTime() - started) / 1000.0 / CALLS;
                double cpuUs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1000.0 / CALLS;
                double processUs = spentSince(threads, processBefore) / 1000.0 / CALLS;
                double waitsPerCall = (threadWaits() - waitsBefore) / (double) CALLS;
                if (round > WARM_UP_ROUNDS) {
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(wallUs);
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuUs);
                    processCpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(processUs);
                    waits.computeIfAbsent(kind, k -> new ArrayList<>()).add(waitsPerCall);
                }
                line.append(String.format(Locale.ROOT, "  %s %.0f us", kind, wallUs));
            }
            System.out.println(line);
        }
        benchmark.tearDown();
        System.out.println();
        for (String kind : KINDS) {
            System.out.printf(Locale.ROOT, "%-20s median %.1f us a call (caller CPU %.1f us, process CPU %.1f us, "
                            + "%.1f thread waits)%n", kind, median(wall.get(kind)), median(cpu.get(kind)),
                    median(processCpu.get(kind)), median(waits.get(kind)));
        }
        printOverheads("INTERLEAVED", wall);
        printOverheads("PROCESS CPU", processCpu);
        for (String op : List.of("Status", "Register")) {
            System.out.printf(Locale.ROOT, "THREAD WAITS %s: client %.1f, bare %.1f, bare with signature headers %.1f"
                            + " a call%n", op.toLowerCase(Locale.ROOT), median(waits.get("client" + op)),
                    median(waits.get("bare" + op)), median(waits.get("bareSigned" + op)));
        }
        System.exit(0);
    }

    /** The client's overhead over each bare call, by one measure: the lines run.sh reads. */
    private static void printOverheads(String measure, Map<String, List<Double>> perCall) {
        for (String op : List.of("Status", "Register")) {
            double client = median(perCall.get("client" + op));
            double bare = median(perCall.get("bare" + op));
            double signed = median(perCall.get("bareSigned" + op));
            System.out.printf(Locale.ROOT, "%s %s: client %.1f us, bare %.1f us: overhead %+.0f%%; "
                            + "bare with signature headers %.1f us: overhead %+.0f%%%n", measure,
                    op.toLowerCase(Locale.ROOT), client, bare, (client / bare - 1) * 100, signed,
                    (client / signed - 1) * 100);
        }
    }

    private static void call(RouterClientBenchmark benchmark, String kind) throws Exception {
        switch (kind) {
            case "bareStatus" -> benchmark.bareStatus();
            case "bareSignedStatus" -> benchmark.bareSignedStatus();
            case "clientStatus" -> benchmark.clientStatus();
            case "bareRegister" -> benchmark.bareRegister();
            case "bareSignedRegister" -> benchmark.bareSignedRegister();
            default -> benchmark.clientRegister();
        }
    }

    /** Each live thread's CPU time, in nanoseconds (the process's own figure is counted in 10 ms ticks). */
    private static Map<Long, Long> threadCpu(ThreadMXBean threads) {
        Map<Long, Long> spent = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos >= 0) {
                spent.put(id, nanos);
            }
        }
        return spent;
    }

    /** CPU time the process's threads spent since {@code before}; a thread started since counts from its start. */
    private static long spentSince(ThreadMXBean threads, Map<Long, Long> before) {
        long spent = 0;
        for (Map.Entry<Long, Long> now : threadCpu(threads).entrySet()) {
            spent += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return spent;
    }

    /**
     * How many times the process's threads have waited so far: the voluntary context switches of every live thread
     * (Linux; 0 elsewhere). Each is a thread that blocked and had to be woken, a hand-off between threads; unlike
     * time, their number per call hardly depends on what else the machine is doing.
     */
    private static long threadWaits() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return 0;
        }
        long waits = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            waits += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                        }
                    }
                } catch (IOException ended) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return waits;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
