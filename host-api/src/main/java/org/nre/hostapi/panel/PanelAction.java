package org.nre.hostapi.panel;

import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.rights.Level;

/**
 * An action a panel answers, with the level of the panel's right it needs.
 *
 * @param name the action's name, such as {@code register}
 * @param label what its button says, such as "Register with the National Records Exchange"
 * @param level the level of the panel's right a user needs to run it
 * @param confirmation when not empty, the question the host asks before running the action; the
 *     host runs it only once the user has confirmed
 */
public record PanelAction(String name, String label, Level level, String confirmation) {

    /** Checks the fields. */
    public PanelAction {
        Fields.requireId(name, "name");
        Fields.requireText(label, "label");
        if (level == null) {
            throw new HostApiException("Field 'level' of action '" + name + "' cannot be null");
        }
        confirmation = Fields.orEmpty(confirmation);
    }

    /**
     * An action that runs without a confirmation step.
     *
     * @param name the action's name
     * @param label what its button says
     * @param level the level it needs
     * @return the action
     */
    public static PanelAction of(String name, String label, Level level) {
        return new PanelAction(name, label, level, "");
    }

    /**
     * Whether the host asks the user to confirm before running the action.
     *
     * @return true when {@link #confirmation()} is not empty
     */
    public boolean needsConfirmation() {
        return !confirmation.isEmpty();
    }
}
