package org.nre.plugin.registration;

import java.time.Instant;

/**
 * One line of the registration's history: who did what, when, from where, and how the state moved.
 *
 * @param at when
 * @param actorId who (a user's id, or {@code system} for the console's own work)
 * @param actorName their name, "Last, First"
 * @param remoteAddress where from
 * @param action what, such as {@code register} or {@code status}
 * @param fromState the state before, or null when it did not change
 * @param toState the state after, or null when it did not change
 * @param detail a sentence that says what happened
 */
public record HistoryEntry(Instant at, String actorId, String actorName, String remoteAddress, String action,
                           RegistrationState fromState, RegistrationState toState, String detail) {
}
