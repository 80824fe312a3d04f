package org.nre.simulator.store;

import java.time.Instant;

/**
 * A registration as the simulated vendor holds it.
 *
 * @param id the router's id
 * @param districtId the district
 * @param districtName its name
 * @param stateCode its two-letter US state
 * @param applicationName the console's application name
 * @param sourceAddress where it registered from
 * @param clientReference the console's own reference for it, or empty
 * @param registeredById the id of who registered, or empty
 * @param registeredBy who registered, "Last, First"
 * @param termsVersion the terms version it holds as accepted
 * @param state its state
 * @param reason the vendor's reason for a rejection or suspension, or empty
 * @param cities the locality's cities, comma-separated
 * @param postalCodes the locality's ZIP codes, comma-separated
 * @param createdAt when it was received, or null for one not stored yet
 * @param updatedAt when it last changed, or null for one not stored yet
 */
public record Registration(String id, String districtId, String districtName, String stateCode,
                           String applicationName, String sourceAddress, String clientReference,
                           String registeredById, String registeredBy, String termsVersion,
                           RegistrationState state, String reason, String cities, String postalCodes,
                           Instant createdAt, Instant updatedAt) {
}
