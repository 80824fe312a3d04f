package org.nre.plugin.registration;

import java.time.Instant;

/**
 * One line of the district's history: who did what, when, from where, and how the state moved.
 *
 * @param at when
 * @param actorId who (a user's id, or {@code system} for the console's own work)
 * @param actorName their name, "Last, First"
 * @param remoteAddress where from
 * @param action what, such as {@code register} or {@code status}
 * @param fromState the state before, or null when it did not change
 * @param toState the state after, or null when it did not change
 * @param detail a sentence in plain words that says what happened
 * @param registrationId the registration it concerns, or null
 * @param delivery what it claims of the request it speaks of, or null when it speaks of none
 * @param requestKey the idempotency key of that request, or null
 */
public record HistoryEntry(Instant at, String actorId, String actorName, String remoteAddress, String action,
                           RegistrationState fromState, RegistrationState toState, String detail,
                           String registrationId, Delivery delivery, String requestKey) {
}
