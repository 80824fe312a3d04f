package org.nre.sample.auth;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bound on the password hashes computed at once, sized to the heap: each Argon2id computation holds its
 * memory cost on the heap, so that a burst of sign-ins could otherwise exhaust it. A computation that cannot
 * start within its wait is refused as {@link Busy}, and the caller tells the person to try again shortly.
 */
public final class Hashing {

    /** The share of the heap that hashing may hold at once. */
    static final double HEAP_SHARE = 0.25;
    /** What one computation holds: Argon2's memory and a little of its own. */
    static final long BYTES_PER_HASH = (Passwords.MEMORY_KIB + 1024L) * 1024;
    /** How long a sign-in waits for a free slot before it is refused. */
    public static final Duration SIGN_IN_WAIT = Duration.ofSeconds(2);
    /** How long the console's own work (a first start, an administrator setting a password) waits. */
    public static final Duration WORK_WAIT = Duration.ofSeconds(60);

    /** No slot freed up in time: too many hashes are being computed. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(Duration waited) {
            super("Too many password checks at once; none could start within " + waited.toMillis() + " ms", null,
                    false, false);
        }
    }

    private final Semaphore slots;
    private final int size;

    /** A bound of this many computations at once. */
    public Hashing(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("At least one hash must be able to run");
        }
        this.size = slots;
        this.slots = new Semaphore(slots, true);
    }

    /** The bound for this JVM: a quarter of the largest heap, and never more than two a processor. */
    public static Hashing forThisJvm() {
        long byHeap = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE) / BYTES_PER_HASH;
        long byCores = 2L * Runtime.getRuntime().availableProcessors();
        return new Hashing((int) Math.max(1, Math.min(byHeap, byCores)));
    }

    public int size() {
        return size;
    }

    /** Runs the computation once a slot is free; refuses with {@link Busy} after {@code wait}. */
    public <T> T run(Duration wait, Supplier<T> computation) {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(wait);
        }
        try {
            return computation.get();
        } finally {
            slots.release();
        }
    }
}
