package org.nre.hostapi.panel;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: a settings panel. The host calls {@link #view} to show it and {@link #act} when a
 * user presses one of its buttons, after checking that the user holds the level the action needs.
 */
public interface SettingsPanel extends ExtensionPoint {

    /**
     * What the panel is: id, title, the right that guards it and its actions; read once at start.
     *
     * @return the definition
     */
    PanelDefinition definition();

    /**
     * What the panel shows now to the given user, who holds at least read on the panel's right.
     *
     * @param request who is asking
     * @return the view
     */
    PanelView view(PanelRequest request);

    /**
     * Carries out one of the panel's actions for a user who holds the level it needs.
     *
     * @param action the action's name, one of {@link PanelDefinition#actions()}
     * @param input the values the user submitted with it
     * @param request who is asking
     * @return success with a message, field errors, a conflict, or unavailable
     */
    ActionResult act(String action, ActionInput input, PanelRequest request);
}
