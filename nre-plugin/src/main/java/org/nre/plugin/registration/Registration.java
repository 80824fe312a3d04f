package org.nre.plugin.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A district's registration as stored: one row per district, moved from state to state under optimistic
 * locking on {@code version}.
 *
 * @param districtId the district
 * @param state where it stands
 * @param stateReason the vendor's reason for a rejection or suspension, or empty
 * @param applicationName the console's application name at registration
 * @param sourceAddress the address the registration was sent from
 * @param registeredById the id of the user who registered
 * @param registeredByName that user's name, "Last, First"
 * @param registeredAt when the district registered
 * @param termsVersion the version of the terms accepted with the registration
 * @param routerRegistrationId the router's id for the registration, or empty until it answers
 * @param idempotencyKey the key every attempt of the registration request carries
 * @param lastRouterContact when the router last answered about it, or null
 * @param version the row's version, for optimistic locking
 * @param updatedAt when the row last changed
 */
public record Registration(String districtId, RegistrationState state, String stateReason, String applicationName,
                           String sourceAddress, String registeredById, String registeredByName, Instant registeredAt,
                           String termsVersion, String routerRegistrationId, String idempotencyKey,
                           Instant lastRouterContact, int version, Instant updatedAt) {

    public Registration {
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(state, "state");
        stateReason = stateReason == null ? "" : stateReason;
        routerRegistrationId = routerRegistrationId == null ? "" : routerRegistrationId;
    }

    /** The same registration in another state, as the router reported it at {@code at}. */
    public Registration moved(RegistrationState next, String reason, String routerId, Instant at) {
        return new Registration(districtId, next, reason, applicationName, sourceAddress, registeredById,
                registeredByName, registeredAt, termsVersion, routerId == null ? routerRegistrationId : routerId,
                idempotencyKey, at, version, at);
    }

    public boolean hasRouterId() {
        return !routerRegistrationId.isEmpty();
    }
}
