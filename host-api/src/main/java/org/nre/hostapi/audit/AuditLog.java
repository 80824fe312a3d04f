package org.nre.hostapi.audit;

import org.nre.hostapi.user.ActingUser;

/**
 * The console's audit log. The host stamps each entry with the time, the plugin and the user's address;
 * entries are never changed or deleted.
 */
public interface AuditLog {

    /**
     * Records what a user did. The host tells its outcome from the action's name: one ending in {@code .denied},
     * {@code .refused} or {@code .throttled} was {@link AuditOutcome#REFUSED refused}, one ending in {@code .failed}
     * {@link AuditOutcome#FAILED failed}, any other {@link AuditOutcome#SUCCESS succeeded}.
     *
     * @param user who did it, or {@link ActingUser#system()} for the host's own work
     * @param action a short name for what was done, such as {@code nre.register}
     * @param detail a sentence that says what happened; never a secret
     */
    void record(ActingUser user, String action, String detail);

    /**
     * Records what a user did and how it ended, for an action whose name does not say (a test that may fail).
     * A host that does not know outcomes keeps the entry and tells its outcome from the action's name.
     *
     * @param user who did it, or {@link ActingUser#system()} for the host's own work
     * @param action a short name for what was done, such as {@code nre.settings.test}
     * @param outcome whether it was done, refused or failed
     * @param detail a sentence that says what happened; never a secret
     */
    default void record(ActingUser user, String action, AuditOutcome outcome, String detail) {
        record(user, action, detail);
    }
}
