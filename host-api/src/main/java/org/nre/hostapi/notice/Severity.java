package org.nre.hostapi.notice;

/** How loudly a console shows a notice. */
public enum Severity {
    /** Worth knowing: something happened that needs no action. */
    INFO,
    /** Needs action, in time. */
    WARNING,
    /** Needs action now: something has stopped, or a deadline is close. */
    CRITICAL
}
