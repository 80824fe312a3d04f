package org.nre.hostkit.notice;

import java.util.Objects;

/**
 * A person a notice is for, as the console knows them.
 *
 * @param userId the user's id, as {@code ActingUser.id()} gives it
 * @param name the name the console shows
 * @param email where to send mail, or null when the user has no address
 */
public record Addressee(String userId, String name, String email) {

    public Addressee {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        email = email == null || email.isBlank() ? null : email.strip();
    }

    /** Whether mail can reach them. */
    public boolean reachable() {
        return email != null;
    }
}
