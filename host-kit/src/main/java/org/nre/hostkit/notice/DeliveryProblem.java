package org.nre.hostkit.notice;

import java.time.Instant;

/**
 * A notice's e-mail that could not be sent, for administrators.
 *
 * @param noticeTitle the notice's title
 * @param address where it should go
 * @param attempts how many times sending it failed
 * @param lastError what the last attempt met (never a password)
 * @param nextAttemptAt when it is tried again, or null when it was given up
 * @param lastAttemptAt when it was last tried
 */
public record DeliveryProblem(String noticeTitle, String address, int attempts, String lastError,
                              Instant nextAttemptAt, Instant lastAttemptAt) {

    /** Whether every attempt failed and no more will be made. */
    public boolean givenUp() {
        return nextAttemptAt == null;
    }
}
