package org.nre.plugin.status;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.metrics.NreMetrics;
import org.nre.plugin.metrics.NreMetrics.PollerOutcome;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.settings.NreSettings;

/**
 * Keeps the registration in step with the router, on one console node at a time: fetches the terms (so that
 * new ones are noticed within one poll), settles a registration whose answer was lost, follows a pending,
 * active or suspended registration, and sends acceptances the router has not received. While the router fails it
 * backs off, doubling its pause up to an hour, with jitter so that many consoles do not call at once. Every run is
 * recorded (for the poller's health check and metrics) and followed by the notices' evaluation, so that a deadline
 * or a long outage is noticed without anyone opening the panel.
 */
public final class StatusPoller implements RepeatingTask {

    public static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final Lifecycle lifecycle;
    private final RouterConnection router;
    private final NreSettings settings;
    private final RandomGenerator random;
    private final Reporting reporting;
    private int failures;

    /**
     * Where a run is told.
     *
     * @param runs the last runs, in the database
     * @param metrics the run's outcome is counted there
     * @param clock when a run happened
     * @param afterRun runs after every run, whatever its outcome (the notices' evaluation)
     */
    public record Reporting(PollerRuns runs, NreMetrics metrics, Clock clock, Runnable afterRun) {
    }

    public StatusPoller(Lifecycle lifecycle, RouterConnection router, NreSettings settings,
                        RandomGenerator random, Reporting reporting) {
        this.lifecycle = lifecycle;
        this.router = router;
        this.settings = settings;
        this.random = random;
        this.reporting = reporting;
    }

    @Override
    public Duration run() {
        PollerOutcome outcome = PollerOutcome.FAILURE;
        try {
            Duration interval = settings.pollInterval();
            Optional<RouterClient> client = router.client();
            if (client.isEmpty()) {
                failures = 0;
                outcome = PollerOutcome.SKIPPED;
                return interval;
            }
            boolean failed = !lifecycle.refreshTerms(ActingUser.system(), client.get(),
                    RouterClient.Urgency.BACKGROUND).ok();
            failed |= lifecycle.check(ActingUser.system(), RouterClient.Urgency.BACKGROUND)
                    == Lifecycle.Check.ROUTER_FAILED;
            failures = failed ? failures + 1 : 0;
            outcome = failed ? PollerOutcome.FAILURE : PollerOutcome.SUCCESS;
            return pause(interval, failures);
        } finally {
            report(outcome);
        }
    }

    private void report(PollerOutcome outcome) {
        reporting.metrics().pollerRan(outcome);
        try {
            reporting.runs().ran(reporting.clock().instant(), outcome.name().toLowerCase(Locale.ROOT),
                    outcome == PollerOutcome.SUCCESS);
        } finally {
            reporting.afterRun().run();
        }
    }

    /** The interval while all is well; after failures, a doubling pause up to an hour, jittered by up to a quarter. */
    Duration pause(Duration interval, int failureCount) {
        if (failureCount == 0) {
            return interval;
        }
        long millis = interval.toMillis();
        for (int i = 0; i < failureCount && millis < MAX_PAUSE.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, MAX_PAUSE.toMillis());
        long jitter = random.nextLong(millis / 4 + 1);
        return Duration.ofMillis(millis - jitter);
    }

    int failures() {
        return failures;
    }
}
