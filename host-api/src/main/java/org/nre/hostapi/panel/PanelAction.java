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
 * @param destructive whether the action cannot be undone (deregistering, deleting): a host shows it apart from
 *     the routine actions and in danger colours, and always asks the confirmation first, so a destructive action
 *     must have one
 */
public record PanelAction(String name, String label, Level level, String confirmation, boolean destructive) {

    /** Checks the fields. */
    public PanelAction {
        Fields.requireId(name, "name");
        Fields.requireText(label, "label");
        if (level == null) {
            throw new HostApiException("Field 'level' of action '" + name + "' cannot be null");
        }
        confirmation = Fields.orEmpty(confirmation);
        if (destructive && confirmation.isBlank()) {
            throw new HostApiException("The destructive action '" + name + "' needs a confirmation: say what will "
                    + "happen and that it cannot be undone, so that the host can ask before running it");
        }
    }

    /**
     * A routine (not destructive) action, as in 0.2.0.
     *
     * @param name the action's name
     * @param label what its button says
     * @param level the level it needs
     * @param confirmation the question asked before running it, or empty for none
     */
    public PanelAction(String name, String label, Level level, String confirmation) {
        this(name, label, level, confirmation, false);
    }

    /**
     * An action that cannot be undone: shown apart and in danger colours, and run only once the user confirms.
     *
     * @param name the action's name
     * @param label what its button says
     * @param level the level it needs, usually {@link Level#DELETE}
     * @param confirmation what will happen, asked before running it; cannot be empty
     * @return the action
     * @throws HostApiException when the confirmation is empty
     */
    public static PanelAction destructive(String name, String label, Level level, String confirmation) {
        return new PanelAction(name, label, level, confirmation, true);
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
