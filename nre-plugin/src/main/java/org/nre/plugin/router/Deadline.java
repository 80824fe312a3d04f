package org.nre.plugin.router;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A limit on a whole blocking call, answer body included: when it passes, the calling thread is interrupted, which
 * makes java.net.http's {@code send} abandon the exchange and close its connection. The request timeout of
 * java.net.http alone stops waiting once the headers arrive, so a body that trickles in would otherwise hold the
 * caller.
 *
 * <p>The call runs on the caller's thread (a {@code sendAsync} hands every answer to another thread first, which
 * costs more than the call itself on a small machine). Rather than a timer per call, which would wake another
 * thread twice a call, one watcher thread looks over the calls in flight every {@link #TICK} and ends itself once
 * none has been in flight for a while, so a stopped plugin leaves no thread behind. A limit may so pass up to one
 * tick late.
 */
final class Deadline implements AutoCloseable {

    static final Duration TICK = Duration.ofMillis(100);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Set<Deadline> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Object WATCHER_LOCK = new Object();
    private static volatile Thread watcher;

    private final Thread caller;
    private final long dueNanos;
    private boolean finished;
    private boolean passed;

    private Deadline(Duration limit) {
        this.caller = Thread.currentThread();
        this.dueNanos = System.nanoTime() + limit.toNanos();
    }

    /** Starts the limit for a call the current thread is about to make. */
    static Deadline start(Duration limit) {
        Deadline deadline = new Deadline(limit);
        IN_FLIGHT.add(deadline);
        if (watcher == null) {
            startWatcher();
        }
        return deadline;
    }

    /** Whether the limit passed before the call ended. */
    synchronized boolean passed() {
        return passed;
    }

    /** Ends the limit; an interrupt it caused is cleared, so that it cannot reach the caller's next wait. */
    @Override
    public void close() {
        IN_FLIGHT.remove(this);
        boolean interrupted;
        synchronized (this) {
            finished = true;
            interrupted = passed;
        }
        if (interrupted) {
            Thread.interrupted();
        }
    }

    private synchronized void passIfDue(long now) {
        if (finished || passed || now - dueNanos < 0) {
            return;
        }
        passed = true;
        caller.interrupt();
    }

    private static void startWatcher() {
        synchronized (WATCHER_LOCK) {
            if (watcher != null) {
                return;
            }
            Thread thread = new Thread(Deadline::watch, "nre-router-deadlines");
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            watcher = thread;
            thread.start();
        }
    }

    private static void watch() {
        long idleSince = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(TICK.toMillis());
            } catch (InterruptedException e) {
                leave();
                return;
            }
            long now = System.nanoTime();
            for (Deadline deadline : IN_FLIGHT) {
                deadline.passIfDue(now);
            }
            if (!IN_FLIGHT.isEmpty()) {
                idleSince = now;
                continue;
            }
            if (now - idleSince > IDLE_NANOS) {
                leave();
                return;
            }
        }
    }

    private static void leave() {
        synchronized (WATCHER_LOCK) {
            watcher = null;
        }
        // A call that began as this watcher was leaving may have seen it still there: watch it.
        if (!IN_FLIGHT.isEmpty()) {
            startWatcher();
        }
    }
}
