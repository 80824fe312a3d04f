package org.nre.hostkit.plugins;

import java.util.Map;
import java.util.Set;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;

/**
 * The rules a console applies to what a plugin contributes, shared with the plugin test kit so that a plugin's
 * own tests refuse what a console would.
 */
public final class ContributionRules {

    private ContributionRules() {
    }

    /**
     * Why a console refuses a panel, or null when it takes it.
     *
     * @param definition the panel's definition
     * @param rights the rights contributed so far, by id
     * @param panels the panels taken so far, by id
     * @return what is wrong, as the end of "Panel 'x' is refused: ...", or null
     */
    public static String panelProblem(PanelDefinition definition, Map<String, Contributions.Right> rights,
                                       Map<String, Contributions.Panel> panels) {
        if (panels.containsKey(definition.id())) {
            return "plugin '" + panels.get(definition.id()).pluginId() + "' already has a panel with that id";
        }
        Contributions.Right right = rights.get(definition.rightId());
        if (right == null) {
            return "it is guarded by right '" + definition.rightId() + "', which no started plugin defines";
        }
        for (PanelAction action : definition.actions()) {
            if (!right.definition().offers(action.level())) {
                return "its action '" + action.name() + "' needs level " + action.level().letter() + " of right '"
                        + right.definition().id() + "', which that right does not offer";
            }
        }
        return null;
    }

    /**
     * Why a console refuses a menu entry, or null when it takes it.
     *
     * @param pluginId the contributing plugin
     * @param entry the entry
     * @param rights the rights contributed, by id
     * @param panels the panels taken, by id
     * @param menuIds the ids of the entries taken so far
     * @return what is wrong, or null
     */
    public static String menuProblem(String pluginId, MenuEntry entry, Map<String, Contributions.Right> rights,
                                      Map<String, Contributions.Panel> panels, Set<String> menuIds) {
        if (menuIds.contains(entry.id())) {
            return "another menu entry already has that id";
        }
        Contributions.Panel panel = panels.get(entry.panelId());
        if (panel == null || !panel.pluginId().equals(pluginId)) {
            return "it opens panel '" + entry.panelId() + "', which the plugin does not contribute";
        }
        Contributions.Right right = rights.get(entry.required().rightId());
        if (right == null || !right.definition().offers(entry.required().level())) {
            return "it needs " + entry.required() + ", which no started plugin offers";
        }
        return null;
    }
}
