package org.nre.plugin.terms;

import java.time.Instant;

/**
 * One acceptance of the terms.
 *
 * @param id the row's id
 * @param districtId the district
 * @param termsVersion the version accepted
 * @param termsDigest the digest of the text accepted
 * @param acceptedById who accepted
 * @param acceptedByName their name, "Last, First"
 * @param acceptedAt when
 * @param remoteAddress from where
 * @param idempotencyKey the key sending it to the router carries
 * @param sentAt when it reached the router, or null until it did
 * @param registrationId the registration it was accepted for
 * @param refusedReason why the router refused it, or empty when it did not
 */
public record TermsAcceptance(long id, String districtId, String termsVersion, String termsDigest,
                              String acceptedById, String acceptedByName, Instant acceptedAt, String remoteAddress,
                              String idempotencyKey, Instant sentAt, String registrationId,
                              String refusedReason) {

    public TermsAcceptance {
        refusedReason = refusedReason == null ? "" : refusedReason;
    }

    /** Whether the router received it (or refused it, which settles it as well). */
    public boolean sent() {
        return sentAt != null;
    }

    /** Whether the router refused it. */
    public boolean refused() {
        return !refusedReason.isEmpty();
    }
}
