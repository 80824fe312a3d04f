package org.nre.plugin.status;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.settings.NreSettings;

/**
 * Keeps the registration in step with the router, on one console node at a time: fetches the terms (so that
 * new ones are noticed within one poll), settles a registration whose answer was lost, follows a pending,
 * active or suspended registration, and sends acceptances the router has not received. While the router fails it backs off, doubling its pause up to
 * an hour, with jitter so that many consoles do not call at once.
 */
public final class StatusPoller implements RepeatingTask {

    public static final Duration MAX_PAUSE = Duration.ofHours(1);

    private final Lifecycle lifecycle;
    private final RouterConnection router;
    private final NreSettings settings;
    private final RandomGenerator random;
    private int failures;

    public StatusPoller(Lifecycle lifecycle, RouterConnection router, NreSettings settings,
                        RandomGenerator random) {
        this.lifecycle = lifecycle;
        this.router = router;
        this.settings = settings;
        this.random = random;
    }

    @Override
    public Duration run() {
        Duration interval = settings.pollInterval();
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            failures = 0;
            return interval;
        }
        boolean failed = !lifecycle.refreshTerms(ActingUser.system(), client.get(), RouterClient.Urgency.BACKGROUND).ok();
        failed |= lifecycle.check(ActingUser.system(), RouterClient.Urgency.BACKGROUND) == Lifecycle.Check.ROUTER_FAILED;
        failures = failed ? failures + 1 : 0;
        return pause(interval, failures);
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
