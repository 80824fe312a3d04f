package org.nre.plugin.router;

import java.time.Instant;

/**
 * A registration as the router reports it.
 *
 * @param id the router's id for it
 * @param districtId the district
 * @param clientReference the console's own reference for the registration it sent, or empty when the router
 *     holds none
 * @param state its state
 * @param reason the vendor's reason for a rejection or suspension, or empty
 * @param termsVersion the terms version the router holds as accepted
 * @param registeredById the id of the person who registered, or empty
 * @param registeredByName that person's name, "Last, First", or empty
 * @param applicationName the console's application name the router holds, or empty
 * @param sourceAddress the address the registration came from, or empty
 * @param createdAt when the router received it, or null when it did not say
 * @param updatedAt when the router last changed it, or null when it did not say
 */
public record RouterRegistration(String id, String districtId, String clientReference, RouterState state,
                                 String reason, String termsVersion, String registeredById, String registeredByName,
                                 String applicationName, String sourceAddress, Instant createdAt, Instant updatedAt) {

    /** Whether the router counts it as the district's live registration: no new one can be made beside it. */
    public boolean live() {
        return state == RouterState.PENDING || state == RouterState.ACTIVE || state == RouterState.SUSPENDED;
    }
}
