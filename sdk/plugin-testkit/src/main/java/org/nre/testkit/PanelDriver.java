package org.nre.testkit;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.panel.Panels;

/**
 * One panel as one user meets it in a console: the console's own panel service checks the user's rights on every
 * view and action, asks for confirmation where the action needs it, records actions and refusals in the audit log,
 * and removes the buttons the user may not use from the view.
 */
public final class PanelDriver {

    private final Panels panels;
    private final String panelId;
    private final ActingUser user;
    private final Supplier<List<String>> failures;

    PanelDriver(Panels panels, String panelId, ActingUser user, Supplier<List<String>> failures) {
        this.panels = panels;
        this.panelId = panelId;
        this.user = user;
        this.failures = failures;
    }

    /**
     * The panel as the console shows it to the user.
     *
     * @return the view, without the buttons the user may not use and without the inputs of a section whose every
     *     button went so: a reader is shown no control
     * @throws PanelRefused when the console refuses it (the user lacks R, no such panel) or the plugin fails
     */
    public PanelView view() {
        Panels.ViewOutcome outcome = panels.view(panelId, user);
        if (outcome instanceof Panels.Shown shown) {
            return shown.view();
        }
        throw new PanelRefused("Viewing panel '" + panelId + "' as " + user.id() + ": " + describe(outcome));
    }

    /**
     * Why the console refuses the user the panel.
     *
     * @return the message the console shows
     * @throws AssertionError when the panel is shown
     */
    public String viewRefusal() {
        Panels.ViewOutcome outcome = panels.view(panelId, user);
        if (outcome instanceof Panels.Shown) {
            throw new AssertionError("Panel '" + panelId + "' was shown to " + user.id() + "; a refusal was expected");
        }
        return describe(outcome);
    }

    /**
     * The actions the user may run now: declared by the panel, allowed by the user's level, and offered by the
     * plugin's current view.
     *
     * @return the action names
     */
    public List<String> actionsAvailable() {
        Panels.ViewOutcome outcome = panels.view(panelId, user);
        if (outcome instanceof Panels.Shown shown) {
            return shown.availableNow().stream().map(PanelAction::name).toList();
        }
        throw new PanelRefused("Viewing panel '" + panelId + "' as " + user.id() + ": " + describe(outcome));
    }

    /**
     * Runs an action with no input, as a press of its button.
     *
     * @param action the action's name
     * @return the plugin's answer
     * @throws PanelRefused when the console refuses it, it needs confirmation, or the plugin fails
     */
    public ActionResult act(String action) {
        return act(action, Map.of());
    }

    /**
     * Runs an action with the values of the form's fields.
     *
     * @param action the action's name
     * @param values each field's name and what the user typed
     * @return the plugin's answer
     * @throws PanelRefused when the console refuses it, it needs confirmation, or the plugin fails
     */
    public ActionResult act(String action, Map<String, String> values) {
        return done(action, panels.act(panelId, action, new ActionInput(values), user, false));
    }

    /**
     * Runs an action the user has confirmed on the console's confirmation page.
     *
     * @param action the action's name
     * @param values the form's values
     * @return the plugin's answer
     * @throws PanelRefused when the console refuses it or the plugin fails
     */
    public ActionResult actConfirmed(String action, Map<String, String> values) {
        return done(action, panels.act(panelId, action, new ActionInput(values), user, true));
    }

    /**
     * Why the console does not run an action (without confirmation).
     *
     * @param action the action's name
     * @param values the form's values
     * @return the message the console shows, or "needs confirmation" for an action that asks first
     * @throws AssertionError when the action runs
     */
    public String refusal(String action, Map<String, String> values) {
        Panels.ActOutcome outcome = panels.act(panelId, action, new ActionInput(values), user, false);
        if (outcome instanceof Panels.Done done) {
            throw new AssertionError("Action '" + action + "' of panel '" + panelId + "' ran for " + user.id()
                    + " (" + done.result() + "); a refusal was expected");
        }
        return describe(outcome);
    }

    private ActionResult done(String action, Panels.ActOutcome outcome) {
        if (outcome instanceof Panels.Done done) {
            return done.result();
        }
        throw new PanelRefused("Action '" + action + "' of panel '" + panelId + "' as " + user.id() + ": "
                + describe(outcome));
    }

    private String describe(Object outcome) {
        if (outcome instanceof Panels.Forbidden forbidden) {
            return forbidden.message();
        }
        if (outcome instanceof Panels.NotFound notFound) {
            return "no panel or action '" + notFound.panelId() + "' is contributed";
        }
        if (outcome instanceof Panels.NeedsConfirmation) {
            return "needs confirmation";
        }
        if (outcome instanceof Panels.Failed failed) {
            List<String> seen = failures.get();
            return failed.message() + (seen.isEmpty() ? "" : " The plugin's failure: " + seen.get(seen.size() - 1));
        }
        return String.valueOf(outcome);
    }
}
