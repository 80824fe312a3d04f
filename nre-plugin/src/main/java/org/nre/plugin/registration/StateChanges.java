package org.nre.plugin.registration;

import org.nre.hostapi.user.ActingUser;

/**
 * Told, on the node that stored it, of every change of a registration's state once it is stored. Optimistic locking
 * lets one node store a change, so each change is told once across the console's nodes.
 */
@FunctionalInterface
public interface StateChanges {

    /** Tells nothing. */
    StateChanges NONE = (by, from, to) -> { };

    /**
     * A registration moved from one state to another.
     *
     * @param by who made the change (the system for the status poller)
     * @param from the registration as it was
     * @param to the registration as stored now
     */
    void moved(ActingUser by, Registration from, Registration to);
}
