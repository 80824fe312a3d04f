package org.nre.bench.router;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link RouterClientBenchmark}'s calls interleaved in one JVM: each round makes {@value #CALLS} calls of each kind
 * in turn, so that client and bare calls share the same stub, the same JIT decisions and the same moment of the
 * machine (JMH measures each in its own JVM, one after the other, and such forks differ by up to 20% here). Prints
 * each round, then per call the median wall time, the calling thread's CPU time and the CPU time of all the
 * process's threads (the caller, java.net.http's own threads and the stub's: what the round trip costs the machine,
 * which other programs on a busy machine disturb far less than the wall time), and the client's overhead over each
 * bare call by wall time and by process CPU time.
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
        for (int round = 1; round <= WARM_UP_ROUNDS + ROUNDS; round++) {
            StringBuilder line = new StringBuilder(round <= WARM_UP_ROUNDS ? "warm-up " + round + ":" : "round "
                    + (round - WARM_UP_ROUNDS) + ":");
            for (String kind : KINDS) {
                Map<Long, Long> processBefore = threadCpu(threads);
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long started = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    call(benchmark, kind);
                }
                double wallUs = (System.nanoTime() - started) / 1000.0 / CALLS;
                double cpuUs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1000.0 / CALLS;
                double processUs = spentSince(threads, processBefore) / 1000.0 / CALLS;
                if (round > WARM_UP_ROUNDS) {
                    wall.computeIfAbsent(kind, k -> new ArrayList<>()).add(wallUs);
                    cpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(cpuUs);
                    processCpu.computeIfAbsent(kind, k -> new ArrayList<>()).add(processUs);
                }
                line.append(String.format(Locale.ROOT, "  %s %.0f us", kind, wallUs));
            }
            System.out.println(line);
        }
        benchmark.tearDown();
        System.out.println();
        for (String kind : KINDS) {
            System.out.printf(Locale.ROOT, "%-20s median %.1f us a call (caller CPU %.1f us, process CPU %.1f us)%n",
                    kind, median(wall.get(kind)), median(cpu.get(kind)), median(processCpu.get(kind)));
        }
        printOverheads("INTERLEAVED", wall);
        printOverheads("PROCESS CPU", processCpu);
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
        Map<Long, Long> spent = new java.util.HashMap<>();
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

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
