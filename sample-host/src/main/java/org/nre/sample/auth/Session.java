package org.nre.sample.auth;

import java.time.Instant;

/**
 * A signed-in session.
 *
 * @param tokenHash the SHA-256 of the session token, which is all the database keeps
 * @param userId the signed-in user
 * @param csrfToken the token every change must carry
 * @param createdAt when the user signed in
 * @param lastSeenAt when the session was last used
 * @param flashWaiting whether a message left by the last change waits for the session's next page
 */
public record Session(String tokenHash, String userId, String csrfToken, Instant createdAt, Instant lastSeenAt,
                      boolean flashWaiting) {
}
