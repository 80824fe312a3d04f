package org.nre.hostkit.plugins;

import java.time.Instant;

/**
 * One plugin as the health check reports it. A plugin an administrator disabled, and a plugin stopped with it
 * because it depends on it, are off on purpose: the console is not degraded by them. A plugin that failed, was
 * refused, or is disabled because it does not fit this console is a fault.
 *
 * @param id the plugin's id
 * @param version its version, or empty
 * @param state PF4J's state, or REFUSED
 * @param healthy whether it is started or off on purpose
 * @param disabledBy who disabled it (or the plugin it stopped with), or empty
 * @param disabledAt when, or null
 */
public record PluginHealth(String id, String version, String state, boolean healthy, String disabledBy,
                           Instant disabledAt) {
}
