package org.nre.plugin.router;

import java.time.Instant;

/**
 * A registration as the router reports it.
 *
 * @param id the router's id for it
 * @param districtId the district
 * @param state its state
 * @param reason the vendor's reason for a rejection or suspension, or empty
 * @param termsVersion the terms version the router holds as accepted
 * @param updatedAt when the router last changed it
 */
public record RouterRegistration(String id, String districtId, RouterState state, String reason, String termsVersion,
                                 Instant updatedAt) {
}
