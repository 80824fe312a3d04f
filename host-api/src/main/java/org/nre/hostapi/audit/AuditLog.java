package org.nre.hostapi.audit;

import org.nre.hostapi.user.ActingUser;

/**
 * The console's audit log. The host stamps each entry with the time, the plugin and the user's address;
 * entries are never changed or deleted.
 */
public interface AuditLog {

    /**
     * Records what a user did.
     *
     * @param user who did it, or {@link ActingUser#system()} for the host's own work
     * @param action a short name for what was done, such as {@code nre.register}
     * @param detail a sentence that says what happened; never a secret
     */
    void record(ActingUser user, String action, String detail);
}
