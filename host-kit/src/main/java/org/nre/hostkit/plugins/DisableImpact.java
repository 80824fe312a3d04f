package org.nre.hostkit.plugins;

import java.util.List;

/**
 * What disabling a plugin takes away from everyone, for the question a console asks before it does: the tools
 * (menu entries and panels) that disappear, and the plugins that depend on it and stop with it.
 *
 * @param pluginId the plugin to disable
 * @param tools the menu entries' and panels' names that go, such as "Tools / Hello" or "Hello (panel)"
 * @param dependents the ids of the started plugins whose Plugin-Dependencies name it, directly or through
 *     another, which stop with it
 */
public record DisableImpact(String pluginId, List<String> tools, List<String> dependents) {

    public DisableImpact {
        tools = List.copyOf(tools);
        dependents = List.copyOf(dependents);
    }
}
