package org.nre.plugin.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a model-based test: random sequences of steps, each drawn from a seed so that it can be run again
 * exactly, executed against the system with its invariants checked after every step. A sequence that fails is
 * shrunk (steps that do not matter to the failure are left out) and reported with the seed that replays it.
 *
 * <p>{@code -Dnre.model.seed=S} fixes the seed; {@code -Dnre.model.sequences=N} how many sequences run.
 * A failure names the seed of the failing sequence itself: with it and {@code -Dnre.model.sequences=1} the very
 * sequence runs again.
 *
 * @param <S> the type of a step
 */
public final class ModelRun<S> {

    /** The property failed on a sequence; the message says how to run it again. */
    public static final class Falsified extends AssertionError {
        private static final long serialVersionUID = 1L;

        Falsified(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Function<SplittableRandom, List<S>> generate;
    private final Consumer<List<S>> execute;

    /**
     * @param generate draws one sequence of steps from a random source
     * @param execute runs a sequence from a fresh start, throwing when an invariant breaks
     */
    public ModelRun(Function<SplittableRandom, List<S>> generate, Consumer<List<S>> execute) {
        this.generate = generate;
        this.execute = execute;
    }

    /** The seed from {@code -Dnre.model.seed}, or a new one. */
    public static long seed() {
        Long fixed = Long.getLong("nre.model.seed");
        return fixed != null ? fixed : new SplittableRandom().nextLong();
    }

    /** How many sequences to run: {@code -Dnre.model.sequences}, or the default given. */
    public static int sequences(int byDefault) {
        return Integer.getInteger("nre.model.sequences", byDefault);
    }

    /**
     * Runs {@code sequences} sequences from {@code seed}, stopping early once {@code budget} is spent.
     *
     * @return how many sequences ran
     * @throws Falsified for the first sequence that breaks an invariant, shrunk
     */
    public int check(long seed, int sequences, Duration budget) {
        long started = System.nanoTime();
        int ran = 0;
        for (int i = 0; i < sequences; i++) {
            if (i > 0 && System.nanoTime() - started > budget.toNanos()) {
                break;
            }
            long own = i == 0 ? seed : new SplittableRandom(seed + i * 0x9E3779B97F4A7C15L).nextLong();
            List<S> steps = generate.apply(new SplittableRandom(own));
            ran++;
            Throwable failure = failure(steps);
            if (failure != null) {
                List<S> shrunk = shrink(steps, failure, Duration.ofSeconds(30));
                Throwable last = failure(shrunk);
                throw new Falsified("Model falsified in sequence " + (i + 1) + " of seed " + seed + ". Run this "
                        + "sequence again with -Dnre.model.seed=" + own + " -Dnre.model.sequences=1.\n"
                        + "Shrunk from " + steps.size() + " to " + shrunk.size() + " steps:\n" + describe(shrunk)
                        + "Failure: " + (last == null ? failure : last).getMessage(), last == null ? failure : last);
            }
        }
        return ran;
    }

    private Throwable failure(List<S> steps) {
        try {
            execute.accept(steps);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /** Leaves out steps, larger chunks first, for as long as the sequence still fails. */
    private List<S> shrink(List<S> steps, Throwable failure, Duration budget) {
        long started = System.nanoTime();
        List<S> current = new ArrayList<>(steps);
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (int from = 0; from + chunk <= current.size(); from++) {
                    if (System.nanoTime() - started > budget.toNanos()) {
                        return current;
                    }
                    List<S> without = new ArrayList<>(current.subList(0, from));
                    without.addAll(current.subList(from + chunk, current.size()));
                    if (failure(without) != null) {
                        current = without;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    private String describe(List<S> steps) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            text.append("  ").append(i + 1).append(". ").append(steps.get(i)).append('\n');
        }
        return text.toString();
    }
}
