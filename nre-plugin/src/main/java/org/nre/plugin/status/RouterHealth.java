package org.nre.plugin.status;

import java.time.Instant;

/**
 * Whether the router answers, as every console node sees it.
 *
 * @param lastContact when the router last answered, or null
 * @param unreachableSince since when it has not answered, or null while it answers
 * @param lastError why the last call failed, or empty
 */
public record RouterHealth(Instant lastContact, Instant unreachableSince, String lastError) {

    public boolean reachable() {
        return unreachableSince == null;
    }
}
