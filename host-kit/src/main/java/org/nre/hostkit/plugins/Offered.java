package org.nre.hostkit.plugins;

/**
 * An extension a started plugin offers the console, with the plugin's id and the way to call it (its class loader,
 * its failures contained), for a console service that calls plugins itself, such as the health checks.
 *
 * @param pluginId the offering plugin's id
 * @param extension the extension, not guarded: call it through {@code calls}
 * @param calls calls into the offering plugin
 * @param <T> the extension point
 */
public record Offered<T>(String pluginId, T extension, PluginCalls calls) {
}
