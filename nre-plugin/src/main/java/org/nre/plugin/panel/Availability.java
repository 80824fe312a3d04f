package org.nre.plugin.panel;

import java.time.Instant;
import java.util.Optional;
import org.nre.plugin.registration.Words;
import org.nre.plugin.status.RouterHealth;

/**
 * Whether the actions that need the router can be used now, and why not: the panel shows them disabled with
 * the reason, while the server still checks every action it is asked to run.
 *
 * @param configured whether the router's address, key and secret are set
 * @param pausedUntil until when this console has paused calls after repeated failures, or empty
 * @param health whether the router answered lately
 */
record Availability(boolean configured, Optional<Instant> pausedUntil, RouterHealth health) {

    /** Why an action that sends something to the router cannot be used now, or empty when it can. */
    String toSend(Words words) {
        String probe = toAsk(words);
        if (!probe.isEmpty()) {
            return probe;
        }
        if (!health.reachable()) {
            return "The router has not answered since " + words.time(health.unreachableSince()) + ". Last contact: "
                    + words.time(health.lastContact()) + ". Press \"Check status now\" to try it again.";
        }
        return "";
    }

    /** Why "Check status now" cannot be used now, or empty when it can: it is how to find the router is back. */
    String toAsk(Words words) {
        if (!configured) {
            return Words.NOT_CONFIGURED;
        }
        if (pausedUntil.isPresent()) {
            return "The router failed several times in a row, so the console has paused calls to it until "
                    + words.time(pausedUntil.get()) + ". Last contact: " + words.time(health.lastContact()) + ".";
        }
        return "";
    }
}
