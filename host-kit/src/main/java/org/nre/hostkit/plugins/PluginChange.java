package org.nre.hostkit.plugins;

/**
 * How an administrator's change to a plugin ended: whether the plugin is now as asked, and the sentence to show.
 *
 * @param done true when the plugin is as asked (enabled and started, disabled, reloaded and started); false when
 *     the change was made but the plugin did not start, or there was nothing to change
 * @param state the plugin's state afterwards, such as {@code STARTED}, {@code FAILED} or {@code DISABLED}
 * @param message what happened and, when it did not work, where to look
 */
public record PluginChange(boolean done, String state, String message) {
}
