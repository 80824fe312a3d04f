package org.nre.plugin.router;

/** A registration's state as the router reports it. */
public enum RouterState {
    PENDING, ACTIVE, REJECTED, SUSPENDED, DEREGISTERED
}
