package org.nre.simulator.store;

import java.util.List;

/** The states a registration moves through at the vendor. */
public enum RegistrationState {
    /** Received; the vendor has yet to verify and authorize the district. */
    PENDING,
    /** Authorized: the district exchanges records. */
    ACTIVE,
    /** Refused by the vendor, with a reason; the district may register again. */
    REJECTED,
    /** Stopped for a while by the vendor, with a reason. */
    SUSPENDED,
    /** Withdrawn by the district; it may register again. */
    DEREGISTERED;

    /** The states in which a registration is the district's live one: a district has at most one. */
    public static final List<RegistrationState> LIVE = List.of(PENDING, ACTIVE, SUSPENDED);

    /**
     * Whether a registration in this state is the district's live one.
     *
     * @return true for pending, active and suspended
     */
    public boolean live() {
        return LIVE.contains(this);
    }
}
