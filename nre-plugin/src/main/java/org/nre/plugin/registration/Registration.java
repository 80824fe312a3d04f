package org.nre.plugin.registration;

import java.time.Instant;
import java.util.Objects;

/**
 * A district's registration as stored.
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
 * @param lastRouterContact when the router last answered about it, or null
 * @param version the row's version, for optimistic locking
 */
public record Registration(String districtId, RegistrationState state, String stateReason,
                           String applicationName, String sourceAddress, String registeredById,
                           String registeredByName, Instant registeredAt, String termsVersion,
                           String routerRegistrationId, Instant lastRouterContact, int version) {

    /** Checks the fields. */
    public Registration {
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(state, "state");
        stateReason = stateReason == null ? "" : stateReason;
        routerRegistrationId = routerRegistrationId == null ? "" : routerRegistrationId;
    }
}
