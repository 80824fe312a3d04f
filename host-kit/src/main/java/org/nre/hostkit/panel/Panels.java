package org.nre.hostkit.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginFailure;

/**
 * Shows panels and runs their actions, checking rights first (deny by default): read on the panel's
 * right to see it, the action's own level to run it, and the confirmation an action asks for.
 */
public final class Panels {

    /** What asking for a panel came to. */
    public sealed interface ViewOutcome {
    }

    /**
     * The panel, as the user may see it.
     *
     * @param panel the panel
     * @param view the view without the controls the user may not use: no button for an action the user may not
     *     run, and no input in a section whose every button went so (a reader sees no checkbox that does nothing)
     * @param allowedActions the actions the user holds the level for
     * @param source the view as the plugin returned it, which with the allowed actions makes {@code view}
     * @param rightLabel the label of the panel's right, for the line that tells a reader what it takes to do more
     */
    public record Shown(Contributions.Panel panel, PanelView view, List<PanelAction> allowedActions, PanelView source,
                        String rightLabel) implements ViewOutcome {

        /** The panel's actions the user does not hold the level for, in the panel's order. */
        public List<PanelAction> beyondReach() {
            return panel.definition().actions().stream()
                    .filter(action -> allowedActions.stream().noneMatch(a -> a.name().equals(action.name())))
                    .toList();
        }

        /** The actions the user may run and the view offers now: those with an enabled button. */
        public List<PanelAction> availableNow() {
            return allowedActions.stream().filter(a -> reasonAgainst(a).filter(String::isEmpty).isPresent()).toList();
        }

        /**
         * Why an action the user may run cannot be used now: the reason its button gives, or empty when its
         * button is enabled; no value when the view shows no button for it.
         */
        public Optional<String> reasonAgainst(PanelAction action) {
            Optional<String> reason = Optional.empty();
            for (Section section : view.sections()) {
                for (Component component : section.components()) {
                    if (component instanceof Component.Button button && button.action().equals(action.name())) {
                        if (button.enabled()) {
                            return Optional.of("");
                        }
                        reason = Optional.of(button.disabledReason());
                    }
                }
            }
            return reason;
        }
    }

    /** No such panel among the started plugins. */
    public record NotFound(String panelId) implements ViewOutcome, ActOutcome {
    }

    /** The user lacks the level needed. */
    public record Forbidden(String message) implements ViewOutcome, ActOutcome {
    }

    /** The plugin failed; the message says so without its internals. */
    public record Failed(String message) implements ViewOutcome, ActOutcome {
    }

    /** What running an action came to. */
    public sealed interface ActOutcome {
    }

    /** The plugin answered. */
    public record Done(Contributions.Panel panel, PanelAction action, ActionResult result) implements ActOutcome {
    }

    /** The action asks the user to confirm first; nothing was done. */
    public record NeedsConfirmation(Contributions.Panel panel, PanelAction action) implements ActOutcome {
    }

    private final Supplier<Contributions> contributions;
    private final AuditStore audit;
    private final java.util.function.BiConsumer<String, String> failures;

    /**
     * @param contributions the started plugins' contributions now
     * @param audit where actions are recorded
     * @param failures told of each plugin failure (plugin id, message), for the plugins page
     */
    public Panels(Supplier<Contributions> contributions, AuditStore audit,
                  java.util.function.BiConsumer<String, String> failures) {
        this.contributions = contributions;
        this.audit = audit;
        this.failures = failures;
    }

    public ViewOutcome view(String panelId, ActingUser user) {
        Optional<Contributions.Panel> found = contributions.get().panel(panelId);
        if (found.isEmpty()) {
            return new NotFound(panelId);
        }
        Contributions.Panel panel = found.get();
        PanelDefinition definition = panel.definition();
        if (!user.rights().allows(definition.rightId(), Level.READ)) {
            return new Forbidden("Viewing this panel needs read (R) on the right '" + rightLabel(definition) + "'.");
        }
        try {
            PanelView view = panel.calls().call("showing panel '" + panelId + "'",
                    () -> panel.panel().view(new PanelRequest(user)));
            if (view == null) {
                return new Failed("The plugin '" + panel.pluginId() + "' returned no view for this panel.");
            }
            List<PanelAction> allowed = allowedActions(definition, user);
            return new Shown(panel, withoutForbiddenControls(view, allowed), allowed, view, rightLabel(definition));
        } catch (PluginFailure e) {
            failures.accept(panel.pluginId(), e.getMessage());
            return new Failed("The plugin '" + panel.pluginId() + "' failed to show this panel. The console "
                    + "administrator can find the details in the console's log.");
        }
    }

    public ActOutcome act(String panelId, String actionName, ActionInput input, ActingUser user, boolean confirmed) {
        Optional<Contributions.Panel> found = contributions.get().panel(panelId);
        if (found.isEmpty()) {
            return new NotFound(panelId);
        }
        Contributions.Panel panel = found.get();
        PanelDefinition definition = panel.definition();
        Optional<PanelAction> declared = definition.action(actionName);
        if (declared.isEmpty()) {
            return new NotFound(panelId + "/" + actionName);
        }
        PanelAction action = declared.get();
        if (!user.rights().allows(definition.rightId(), action.level())) {
            audit.record(AuditStore.HOST_SOURCE, user, "panel.denied",
                    panelId + ": " + actionName + " refused, needs " + action.level().letter());
            return new Forbidden("\"" + action.label() + "\" needs the level " + action.level().letter() + " ("
                    + action.level().name().toLowerCase(java.util.Locale.ROOT) + ") on the right '"
                    + rightLabel(definition) + "'.");
        }
        if (action.needsConfirmation() && !confirmed) {
            return new NeedsConfirmation(panel, action);
        }
        try {
            ActionResult result = panel.calls().call("running action '" + actionName + "' of panel '" + panelId + "'",
                    () -> panel.panel().act(actionName, input, new PanelRequest(user)));
            if (result == null) {
                return new Failed("The plugin '" + panel.pluginId() + "' gave no answer to \"" + action.label() + "\".");
            }
            audit.record(AuditStore.HOST_SOURCE, user, "panel.action",
                    panelId + ": " + actionName + " -> " + outcomeName(result) + ": " + result.message());
            return new Done(panel, action, result);
        } catch (PluginFailure e) {
            failures.accept(panel.pluginId(), e.getMessage());
            audit.record(AuditStore.HOST_SOURCE, user, "panel.action",
                    panelId + ": " + actionName + " -> plugin failed");
            return new Failed("The plugin '" + panel.pluginId() + "' failed while running \"" + action.label()
                    + "\"; nothing is known to have changed. The console administrator can find the details in "
                    + "the console's log.");
        }
    }

    public static String outcomeName(ActionResult result) {
        if (result instanceof ActionResult.Success) {
            return "success";
        } else if (result instanceof ActionResult.Invalid) {
            return "invalid";
        } else if (result instanceof ActionResult.Conflict) {
            return "conflict";
        }
        return "unavailable";
    }

    private String rightLabel(PanelDefinition definition) {
        return contributions.get().right(definition.rightId())
                .map(r -> r.definition().label()).orElse(definition.rightId());
    }

    private static List<PanelAction> allowedActions(PanelDefinition definition, ActingUser user) {
        List<PanelAction> allowed = new ArrayList<>();
        for (PanelAction action : definition.actions()) {
            if (user.rights().allows(definition.rightId(), action.level())) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /**
     * Buttons for actions the user may not run, or that the panel never declared, are not shown; nor are the
     * inputs of a section whose every button went so, since nothing the user may do would send them. A section
     * left with nothing to show goes too.
     */
    private static PanelView withoutForbiddenControls(PanelView view, List<PanelAction> allowed) {
        boolean allShown = view.sections().stream().flatMap(s -> s.components().stream())
                .allMatch(c -> !(c instanceof Component.Button button) || allows(allowed, button));
        if (allShown) {
            return view; // nothing to take out: no copy of the whole view
        }
        List<Section> sections = new ArrayList<>();
        for (Section section : view.sections()) {
            boolean hadButtons = section.components().stream().anyMatch(c -> c instanceof Component.Button);
            boolean keepsButtons = section.components().stream()
                    .anyMatch(c -> c instanceof Component.Button button && allows(allowed, button));
            boolean dropInputs = hadButtons && !keepsButtons;
            List<Component> components = new ArrayList<>();
            for (Component component : section.components()) {
                if (component instanceof Component.Button button && !allows(allowed, button)
                        || dropInputs && isInput(component)) {
                    continue;
                }
                components.add(component);
            }
            if (!components.isEmpty() || !dropInputs && section.components().isEmpty()) {
                sections.add(new Section(section.heading(), components));
            }
        }
        return new PanelView(sections, view.refreshSeconds(), view.data());
    }

    private static boolean allows(List<PanelAction> allowed, Component.Button button) {
        return allowed.stream().anyMatch(a -> a.name().equals(button.action()));
    }

    private static boolean isInput(Component component) {
        return component instanceof Component.Checkbox || component instanceof Component.TextInput
                || component instanceof Component.SecretInput || component instanceof Component.Hidden;
    }
}
