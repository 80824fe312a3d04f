package org.nre.plugin.registration;

/** What a history line claims of the request it speaks of, so that every claim can be checked. */
public enum Delivery {
    /** No byte of the request left the console. */
    NOT_SENT,
    /** The router holds nothing from the request: it never arrived, or the router refused it. */
    NOT_TAKEN,
    /** The router received the request and answered it. */
    RECEIVED,
    /** The request may have reached the router; its answer was lost. */
    UNCERTAIN
}
