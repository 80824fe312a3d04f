package org.nre.hostkit;

import java.util.Map;
import java.util.Optional;
import org.nre.conformance.HostNode;
import org.nre.conformance.PanelOutcome;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginStatus;

/**
 * A node of a console that embeds the kit, as the conformance kit asks about it: every answer comes from the
 * console's {@link HostKit}, so a console's adapter only starts itself and hands over its kit.
 *
 * @param kit the console's host kit
 * @param console stops the console's node
 */
public record KitHostNode(HostKit kit, AutoCloseable console) implements HostNode {

    @Override
    public Optional<String> pluginState(String pluginId) {
        return status(pluginId).map(PluginStatus::state);
    }

    @Override
    public String problems(String pluginId) {
        return status(pluginId).map(status -> String.join("\n", status.problems())).orElse("");
    }

    @Override
    public Optional<String> rightOwner(String rightId) {
        return kit.plugins().contributions().right(rightId).map(Contributions.Right::pluginId);
    }

    @Override
    public Optional<String> panelOwner(String panelId) {
        return kit.plugins().contributions().panel(panelId).map(Contributions.Panel::pluginId);
    }

    @Override
    public PanelOutcome view(String panelId, ActingUser user) {
        return outcome(kit.panels().view(panelId, user));
    }

    @Override
    public PanelOutcome act(String panelId, String action, Map<String, String> values, ActingUser user) {
        return outcome(kit.panels().act(panelId, action, new ActionInput(values), user, true));
    }

    @Override
    public void close() {
        try {
            console.close();
        } catch (Exception e) {
            throw new IllegalStateException("The console's node did not stop: " + e.getMessage(), e);
        }
    }

    private Optional<PluginStatus> status(String pluginId) {
        return kit.plugins().statuses().stream().filter(status -> status.id().equals(pluginId)).findFirst();
    }

    private static PanelOutcome outcome(Object answer) {
        if (answer instanceof Panels.Shown shown) {
            return new PanelOutcome.Shown(shown.view());
        } else if (answer instanceof Panels.Done done) {
            return new PanelOutcome.Done(done.result());
        } else if (answer instanceof Panels.Forbidden forbidden) {
            return new PanelOutcome.Refused(forbidden.message());
        } else if (answer instanceof Panels.Failed failed) {
            return new PanelOutcome.Failed(failed.message());
        } else if (answer instanceof Panels.NotFound) {
            return new PanelOutcome.NotFound();
        }
        // Every action is run confirmed, so the kit never asks for a confirmation here.
        throw new IllegalStateException("Unexpected answer from the panels: " + answer);
    }
}
