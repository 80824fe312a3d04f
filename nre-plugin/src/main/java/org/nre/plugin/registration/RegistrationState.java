package org.nre.plugin.registration;

/** Where a district's registration with the National Records Exchange stands. */
public enum RegistrationState {
    /** The district has no registration; for a stored attempt, one that never became a registration. */
    NOT_REGISTERED,
    /** Sent to the router; the vendor has yet to verify and authorize the district. */
    PENDING,
    /** Verified and authorized: records can be exchanged. */
    ACTIVE,
    /** The vendor refused the registration, with a reason. */
    REJECTED,
    /** The vendor stopped the exchange for now, with a reason. */
    SUSPENDED,
    /** The district withdrew from the exchange. */
    DEREGISTERED,
    /** Sent, and the router's answer not known yet: on its way, or lost and settled by its own reference. */
    UNKNOWN;

    /**
     * Whether records can be exchanged in this state.
     *
     * @return true only for {@link #ACTIVE}
     */
    public boolean exchangeActive() {
        return this == ACTIVE;
    }
}
