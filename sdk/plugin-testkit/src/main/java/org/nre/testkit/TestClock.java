package org.nre.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; every read answers the same instant until the test moves it. */
public final class TestClock extends Clock {

    /** Where a harness's clock starts unless told otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T15:00:00Z");

    private volatile Instant now;

    /**
     * A clock standing at an instant.
     *
     * @param start where it stands
     */
    public TestClock(Instant start) {
        if (start == null) {
            throw new IllegalArgumentException("start cannot be null");
        }
        this.now = start;
    }

    /**
     * A clock standing at an instant written as ISO-8601, such as {@code 2026-01-05T15:00:00Z}.
     *
     * @param iso the instant
     * @return the clock
     */
    public static TestClock at(String iso) {
        return new TestClock(Instant.parse(iso));
    }

    /**
     * Moves the clock forward.
     *
     * @param duration how far; never negative
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A clock only moves forward; use set(Instant) to go back");
        }
        now = now.plus(duration);
    }

    /**
     * Sets the clock to an instant, earlier or later.
     *
     * @param instant where it stands now
     */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
