package org.nre.sample.directory;

/**
 * A console user, without the password hash.
 *
 * @param id the user's stable id
 * @param login the name the user signs in with
 * @param firstName the first name
 * @param lastName the last name
 * @param administrator whether the user administers the console (manages users, groups and rights, and holds a tool right only when it is granted)
 * @param mustChangePassword whether the user must choose a new password before anything else
 * @param disabled whether the user may no longer sign in
 * @param email where the console sends the user's notices, or empty for none
 */
public record Account(String id, String login, String firstName, String lastName, boolean administrator,
                      boolean mustChangePassword, boolean disabled, String email) {

    public Account {
        email = email == null ? "" : email;
    }

    /** An account without an e-mail address. */
    public Account(String id, String login, String firstName, String lastName, boolean administrator,
                   boolean mustChangePassword, boolean disabled) {
        this(id, login, firstName, lastName, administrator, mustChangePassword, disabled, "");
    }

    /** Whether the console can e-mail the user. */
    public boolean hasEmail() {
        return !email.isEmpty();
    }

    /** The name consoles show: "Last, First". */
    public String displayName() {
        return lastName + ", " + firstName;
    }
}
