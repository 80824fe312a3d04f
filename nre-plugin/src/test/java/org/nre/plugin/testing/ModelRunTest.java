package org.nre.plugin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The model runner itself: a broken invariant is found, shrunk to what matters, and its seed replays it. */
class ModelRunTest {

    /** A counter that must never reach 10; each step adds its number. */
    static final ModelRun<Integer> COUNTER = new ModelRun<>(
            random -> IntStream.range(0, 1 + random.nextInt(20)).mapToObj(i -> random.nextInt(4)).toList(),
            steps -> {
                int total = 0;
                for (int step : steps) {
                    total += step;
                    if (total >= 10) {
                        throw new AssertionError("the counter reached " + total);
                    }
                }
            });

    @Test
    void aBrokenInvariantIsReportedShrunkWithTheSeedThatRunsTheFailingSequenceAgain() {
        ModelRun.Falsified failure = (ModelRun.Falsified) catchFailure(() -> COUNTER.check(42, 200, Duration.ofSeconds(10)));

        assertThat(failure.getMessage()).contains("of seed 42", "-Dnre.model.sequences=1", "Failure: the counter reached");
        List<Integer> shrunk = steps(failure.getMessage());
        assertThat(shrunk.stream().mapToInt(Integer::intValue).sum()).as("only steps the failure needs are left")
                .isBetween(10, 12);
        assertThat(shrunk).doesNotContain(0);

        long own = Long.parseLong(failure.getMessage().replaceAll("(?s).*-Dnre\\.model\\.seed=(-?\\d+).*", "$1"));
        assertThatThrownBy(() -> COUNTER.check(own, 1, Duration.ofSeconds(10))).as("the named seed fails at once")
                .isInstanceOf(ModelRun.Falsified.class).hasMessageContaining("in sequence 1 of seed " + own);
    }

    @Test
    void aModelThatHoldsRunsEverySequenceWithinItsBudget() {
        ModelRun<Integer> holds = new ModelRun<>(random -> List.of(random.nextInt(3)), steps -> { });

        assertThat(holds.check(7, 50, Duration.ofSeconds(10))).isEqualTo(50);
    }

    private static Throwable catchFailure(Runnable run) {
        try {
            run.run();
        } catch (AssertionError e) {
            return e;
        }
        throw new AssertionError("the model was not falsified");
    }

    private static List<Integer> steps(String message) {
        List<Integer> steps = new ArrayList<>();
        for (String line : message.split("\n")) {
            if (line.matches("  \\d+\\. \\d+")) {
                steps.add(Integer.parseInt(line.replaceAll("  \\d+\\. ", "")));
            }
        }
        return steps;
    }
}
