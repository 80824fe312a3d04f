package org.nre.hostkit.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.health.HealthResult;
import org.nre.hostkit.plugins.Offered;
import org.nre.hostkit.plugins.PluginCalls;

class HealthChecksTest {

    private static final Duration SHORT_LIMIT = Duration.ofMillis(300);
    private static final Duration WELL_WITHIN_A_SECOND = Duration.ofMillis(900);

    private final List<Offered<HealthCheck>> offered = new ArrayList<>();
    private final CountDownLatch never = new CountDownLatch(1);
    private HealthChecks checks = new HealthChecks(() -> List.copyOf(offered), SHORT_LIMIT);

    @AfterEach
    void close() {
        never.countDown();
        checks.close();
    }

    @Test
    void eachCheckIsReportedUnderItsPluginsIdSortedByName() {
        offer("nre", "router", () -> HealthResult.up("The router answered 3 s ago")
                .withDetails(Map.of("lastContact", "2026-12-03T14:00:00Z")));
        offer("hello", "mail", () -> HealthResult.down("The mail server refuses connections"));

        ContributedHealth health = checks.run();

        assertThat(health.checks()).extracting(CheckOutcome::name, CheckOutcome::healthy, CheckOutcome::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello.mail", false,
                        "The mail server refuses connections"),
                        org.assertj.core.groups.Tuple.tuple("nre.router", true, "The router answered 3 s ago"));
        assertThat(health.checks().get(1).details()).containsEntry("lastContact", "2026-12-03T14:00:00Z");
        assertThat(health.healthy()).isFalse();
        assertThat(health.failing()).extracting(CheckOutcome::name).containsExactly("hello.mail");
    }

    @Test
    void noChecksIsHealthy() {
        assertThat(checks.run().healthy()).isTrue();
    }

    @Test
    void aCheckThatThrowsIsAFailingOutcomeNamingTheException() {
        offer("hello", "mail", () -> {
            throw new IllegalStateException("secret detail");
        });

        CheckOutcome outcome = checks.run().checks().get(0);

        assertThat(outcome.healthy()).isFalse();
        assertThat(outcome.message()).isEqualTo("failed: IllegalStateException (see the console's log)")
                .doesNotContain("secret detail");
    }

    @Test
    void aCheckThatAnswersNothingFails() {
        offer("hello", "mail", () -> null);

        assertThat(checks.run().checks()).singleElement().satisfies(outcome -> {
            assertThat(outcome.healthy()).isFalse();
            assertThat(outcome.message()).isEqualTo("answered nothing");
        });
    }

    @Test
    void aCheckThatOverrunsFailsAndTheCallerWaitsOnlyTheLimit() {
        offer("nre", "router", this::hang);
        offer("hello", "mail", () -> HealthResult.up("fine"));

        long start = System.nanoTime();
        ContributedHealth health = checks.run();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isLessThan(WELL_WITHIN_A_SECOND);
        assertThat(health.checks()).extracting(CheckOutcome::name, CheckOutcome::healthy, CheckOutcome::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hello.mail", true, "fine"),
                        org.assertj.core.groups.Tuple.tuple("nre.router", false, "did not answer within 300 ms"));
    }

    @Test
    void theConsolesLimitIsTwoSeconds() {
        checks.close();
        checks = new HealthChecks(() -> List.copyOf(offered));
        offer("nre", "router", this::hang);

        assertThat(checks.run().checks()).singleElement().extracting(CheckOutcome::message)
                .isEqualTo("did not answer within 2 s");
    }

    @Test
    void aCheckStillRunningIsNotStartedAgain() {
        int[] started = new int[1];
        offer("nre", "router", () -> {
            started[0]++;
            return hang();
        });

        checks.run();
        CheckOutcome again = checks.run().checks().get(0);

        assertThat(started[0]).isEqualTo(1);
        assertThat(again.name()).isEqualTo("nre.router");
        assertThat(again.message()).isEqualTo("did not answer within 300 ms (still running since an earlier "
                + "request)");
    }

    @Test
    void aBadOrRepeatedNameFails() {
        offer("hello", "Bad Name", () -> HealthResult.up("fine"));
        offer("nre", "router", () -> HealthResult.up("fine"));
        offer("nre", "router", () -> HealthResult.up("fine"));

        List<CheckOutcome> outcomes = checks.run().checks();

        assertThat(outcomes).filteredOn(outcome -> outcome.name().startsWith("hello.")).singleElement()
                .satisfies(outcome -> {
                    assertThat(outcome.healthy()).isFalse();
                    assertThat(outcome.message()).contains("lower case identifier").contains("'Bad Name'");
                });
        assertThat(outcomes).filteredOn(outcome -> outcome.name().equals("nre.router")).extracting(
                CheckOutcome::healthy).containsExactlyInAnyOrder(true, false);
    }

    /** A check that waits for a remote service and ignores being interrupted, as a blocking socket read does. */
    private HealthResult hang() {
        boolean interrupted = false;
        while (never.getCount() > 0) {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return HealthResult.up("late");
    }

    private void offer(String pluginId, String name, Supplier<HealthResult> result) {
        HealthCheck check = new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthResult check() {
                return result.get();
            }
        };
        offered.add(new Offered<>(pluginId, check, new PluginCalls(pluginId, getClass().getClassLoader())));
    }
}
