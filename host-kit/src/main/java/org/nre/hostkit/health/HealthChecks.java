package org.nre.hostkit.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.health.HealthResult;
import org.nre.hostkit.plugins.Offered;
import org.nre.hostkit.plugins.PluginFailure;

/**
 * Runs the health checks the started plugins contribute, all at once on a small pool of their own, each within a
 * time limit: a check that overruns, throws or answers nothing is a failing outcome, and the caller (a load
 * balancer's probe, say) waits at most the limit. A check still running from an earlier request is not started
 * again, so one that hangs holds one thread, not the pool.
 */
public final class HealthChecks implements AutoCloseable {

    /** How long the checks may take together. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    private static final int THREADS = 4;
    private static final int WAITING = 64;
    private static final int MAX_NAME_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    private final Supplier<List<Offered<HealthCheck>>> offered;
    private final Duration limit;
    private final ThreadPoolExecutor pool;
    private final Set<Object> running = ConcurrentHashMap.newKeySet();
    // Weak, so that a stopped plugin's extension (and its class loader) can go.
    private final Map<Object, String> names = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Checks with the console's time limit.
     *
     * @param offered the checks the started plugins offer now
     */
    public HealthChecks(Supplier<List<Offered<HealthCheck>>> offered) {
        this(offered, TIME_LIMIT);
    }

    /**
     * Checks with a time limit of their own.
     *
     * @param offered the checks the started plugins offer now
     * @param limit how long the checks may take together
     */
    public HealthChecks(Supplier<List<Offered<HealthCheck>>> offered, Duration limit) {
        this.offered = offered;
        this.limit = limit;
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = work -> {
            Thread thread = new Thread(work, "health-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING),
                factory, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * What is wrong with a check's name, or null when it is sound.
     *
     * @param name the name a check gives
     * @return the problem, in words for the plugin's developer, or null
     */
    public static String nameProblem(String name) {
        if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
            return "a health check's name is a lower case identifier of at most " + MAX_NAME_LENGTH
                    + " characters (such as 'router'); got " + (name == null ? "null" : "'" + name + "'");
        }
        return null;
    }

    /** Runs every check now and waits for them, at most the time limit. */
    public ContributedHealth run() {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Pending> pending = new ArrayList<>();
        for (Offered<HealthCheck> check : offered.get()) {
            pending.add(submit(check));
        }
        List<CheckOutcome> outcomes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Pending each : pending) {
            CheckOutcome outcome = each.await(deadline);
            if (!seen.add(outcome.name())) {
                outcome = new CheckOutcome(outcome.name(), false, "The plugin offers two checks of this name; give "
                        + "each its own", Map.of(), outcome.took());
            }
            outcomes.add(outcome);
        }
        outcomes.sort(Comparator.comparing(CheckOutcome::name));
        return new ContributedHealth(outcomes);
    }

    /** Stops the pool; a check still running is interrupted. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private Pending submit(Offered<HealthCheck> check) {
        Object key = check.extension();
        if (!running.add(key)) {
            return new Pending(check, null, "did not answer within " + seconds() + " (still running since an "
                    + "earlier request)");
        }
        try {
            return new Pending(check, pool.submit(() -> {
                try {
                    return answer(check);
                } finally {
                    running.remove(key);
                }
            }), null);
        } catch (RejectedExecutionException e) {
            running.remove(key);
            return new Pending(check, null, "not run: the console is running too many health checks at once");
        }
    }

    private CheckOutcome answer(Offered<HealthCheck> offer) {
        long start = System.nanoTime();
        HealthCheck check = offer.extension();
        String name = offer.calls().call("naming its health check", check::name);
        String problem = nameProblem(name);
        if (problem != null) {
            return new CheckOutcome(fallbackName(offer), false, "The plugin's check is refused: " + problem, Map.of(),
                    since(start));
        }
        String fullName = offer.pluginId() + "." + name;
        names.put(check, fullName);
        HealthResult result = offer.calls().call("checking its health ('" + name + "')", check::check);
        if (result == null) {
            return new CheckOutcome(fullName, false, "answered nothing", Map.of(), since(start));
        }
        return new CheckOutcome(fullName, result.healthy(), result.message(), result.details(), since(start));
    }

    private String fallbackName(Offered<HealthCheck> offer) {
        return names.getOrDefault(offer.extension(), offer.pluginId() + "."
                + offer.extension().getClass().getSimpleName());
    }

    private String seconds() {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** A check submitted, or refused before it ran. */
    private final class Pending {

        private final Offered<HealthCheck> check;
        private final Future<CheckOutcome> future;
        private final String notRun;
        private final long submitted = System.nanoTime();

        Pending(Offered<HealthCheck> check, Future<CheckOutcome> future, String notRun) {
            this.check = check;
            this.future = future;
            this.notRun = notRun;
        }

        CheckOutcome await(long deadline) {
            if (future == null) {
                return failing(notRun, Duration.ZERO);
            }
            try {
                return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return failing("did not answer within " + seconds(), limit);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof PluginFailure failure && failure.getCause() != null
                        ? failure.getCause() : e.getCause();
                return failing("failed: " + cause.getClass().getSimpleName() + " (see the console's log)",
                        since(submitted));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return failing("not answered: the console was interrupted while waiting", since(submitted));
            }
        }

        private CheckOutcome failing(String message, Duration took) {
            return new CheckOutcome(fallbackName(check), false, message, Map.of(), took);
        }
    }
}
