package org.nre.hostapi.audit;

/** How the action of an audit entry ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was refused before anything changed: no right, bad input, too many attempts, a conflict. */
    REFUSED,
    /** It was tried and did not work: a wrong password, a service that did not answer, an error. */
    FAILED
}
