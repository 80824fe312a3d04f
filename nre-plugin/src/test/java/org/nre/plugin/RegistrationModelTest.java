package org.nre.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.plugin.testing.ModelRun;
import org.nre.plugin.testing.RouterDouble;

/**
 * The registration lifecycle as a model: random sequences of user actions, vendor decisions, terms
 * publications and router faults (down, reset, lost answer, slow answer, busy) against the plugin and a router
 * double, with {@link ModelInvariants} checked after every step. The seed is printed; a failure is shrunk and
 * names the seed that runs the failing sequence again (see {@link ModelRun}).
 */
@Tag("slow")
class RegistrationModelTest {

    static final int SEQUENCES = 40;
    static final int MAX_STEPS = 30;
    static final Duration BUDGET = Duration.ofSeconds(40);

    static RouterDouble router;

    @BeforeAll
    static void startRouter() {
        router = new RouterDouble(ModelWorld.SLOW_MILLIS);
    }

    @AfterAll
    static void stopRouter() {
        router.close();
    }

    @Test
    void theConsolesRecordStaysTrueToTheRouterThroughEveryActionDecisionAndFault() {
        long seed = ModelRun.seed();
        System.out.println("RegistrationModelTest: seed " + seed + " (-Dnre.model.seed=" + seed + " runs it again)");
        ModelRun<ModelStep> model = new ModelRun<>(random -> ModelStep.sequence(random, MAX_STEPS), steps -> {
            try (ModelWorld world = new ModelWorld(router)) {
                world.run(steps);
            }
        });

        int ran = model.check(seed, ModelRun.sequences(SEQUENCES), BUDGET);
        System.out.println("RegistrationModelTest: " + ran + " sequences; " + ModelWorld.TALLY);

        assertThat(ran).as("sequences run within the time budget").isGreaterThanOrEqualTo(Math.min(10,
                ModelRun.sequences(SEQUENCES)));
    }
}
