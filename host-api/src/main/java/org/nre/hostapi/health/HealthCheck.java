package org.nre.hostapi.health;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: one named check of something the plugin depends on, such as a remote service. The console runs
 * it when its health is asked for (a load balancer or monitor may ask every few seconds), with a time limit: a
 * check should read what the plugin already knows (when the remote service last answered, say) rather than call
 * out. A check that fails, throws or overruns marks the console DEGRADED, with the check's name and message.
 */
public interface HealthCheck extends ExtensionPoint {

    /**
     * The check's name, an identifier such as {@code router} (at most 64 characters); consoles show it with the
     * plugin's id before it ({@code nre.router}).
     *
     * @return the name, the same on every call
     */
    String name();

    /**
     * Checks now.
     *
     * @return the outcome, with a message for the operator
     */
    HealthResult check();
}
