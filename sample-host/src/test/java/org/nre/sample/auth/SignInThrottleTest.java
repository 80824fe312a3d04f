package org.nre.sample.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.sample.HostConfig;
import org.nre.sample.MutableClock;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;

class SignInThrottleTest {

    static final String ADDRESS = "203.0.113.7";

    @TempDir
    Path dir;
    HostDatabase database;
    final MutableClock clock = new MutableClock();
    SignInThrottle throttle;

    @BeforeEach
    void open() {
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.toString()}, Map.of()));
        ConsoleSchema.migrate(database);
        throttle = new SignInThrottle(database.jdbc(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAttemptCountedOnAnotherNodeAMomentLaterDoesNotHoldOneWithinTheFreeAttempts() {
        // Another node's attempt read its clock a moment after this one, and was counted first.
        clock.advance(Duration.ofMillis(50));
        assertThat(throttle.attempt("registrar", ADDRESS)).isInstanceOf(SignInThrottle.Attempt.Allowed.class);
        clock.advance(Duration.ofMillis(-50));

        assertThat(throttle.attempt("counselor", ADDRESS)).isInstanceOf(SignInThrottle.Attempt.Allowed.class);
        assertThat(throttle.attempt("registrar", ADDRESS)).isInstanceOf(SignInThrottle.Attempt.Allowed.class);
    }

    @Test
    void pastTheFreeAttemptsEachFurtherOneStillWaits() {
        for (int i = 0; i < SignInThrottle.FREE_PER_LOGIN_AND_ADDRESS + 1; i++) {
            assertThat(throttle.attempt("registrar", ADDRESS)).isInstanceOf(SignInThrottle.Attempt.Allowed.class);
        }
        SignInThrottle.Attempt next = throttle.attempt("registrar", ADDRESS);
        assertThat(next).isInstanceOf(SignInThrottle.Attempt.Wait.class);
        assertThat(((SignInThrottle.Attempt.Wait) next).byAddress()).isFalse();
    }
}
