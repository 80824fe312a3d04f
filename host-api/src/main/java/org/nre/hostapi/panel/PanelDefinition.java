package org.nre.hostapi.panel;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * What a panel is, read once when its plugin starts.
 *
 * @param id a unique id such as {@code nre}, used in the panel's address
 * @param title the panel's title, such as "National Records Exchange - Registration &amp; Router Status"
 * @param rightId the right that guards the panel: read shows it, each action names its own level
 * @param actions every action the panel answers; the host refuses any other
 */
public record PanelDefinition(String id, String title, String rightId, List<PanelAction> actions) {

    /** Checks and copies the fields. */
    public PanelDefinition {
        Fields.requireId(id, "id");
        Fields.requireText(title, "title");
        Fields.requireId(rightId, "rightId");
        actions = Fields.copyOf(actions, "actions");
        Set<String> names = new HashSet<>();
        for (PanelAction action : actions) {
            if (!names.add(action.name())) {
                throw new HostApiException("Panel '" + id + "' declares action '" + action.name() + "' twice");
            }
        }
    }

    /**
     * Looks up an action by name.
     *
     * @param name the action's name
     * @return the action, or empty when the panel declares none by that name
     */
    public Optional<PanelAction> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
