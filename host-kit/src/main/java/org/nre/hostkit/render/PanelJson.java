package org.nre.hostkit.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.Section;
import org.nre.hostkit.panel.Panels;

/**
 * Writes a shown panel as JSON: what it shows, the actions the user may run now, and those the user may run but
 * not now with the reason. The same view as the HTML, so every panel has an API at once.
 */
public final class PanelJson {

    /** An action the user may run now; a destructive one cannot be undone and always asks its confirmation. */
    public record ActionJson(String name, String label, String level, String confirmation, boolean destructive) {
    }

    /** An action the user holds the level for but cannot run now, and why. */
    public record UnavailableActionJson(String name, String label, String level, String reason,
                                        boolean destructive) {
    }

    /** The panel as the API answers it. */
    public record Body(String id, String title, String plugin, int refreshSeconds, List<ActionJson> actions,
                       List<UnavailableActionJson> unavailableActions, Map<String, Object> data,
                       List<Section> sections) {
    }

    private final ObjectMapper json;
    private final RenderedPanels kept = new RenderedPanels();

    /** @param json the mapper, such as {@link JsonMapping#mapper()}, that knows the components' type names */
    public PanelJson(ObjectMapper json) {
        this.json = json;
    }

    /** The panel as UTF-8 JSON; kept for the very view object and the user's actions, as the HTML is. */
    public byte[] of(Panels.Shown shown) {
        Set<String> allowed = new HashSet<>();
        shown.allowedActions().forEach(action -> allowed.add(action.name()));
        return kept.json(shown.source(), allowed, () -> write(shown));
    }

    private byte[] write(Panels.Shown shown) {
        List<ActionJson> actions = shown.availableNow().stream().map(PanelJson::action).toList();
        List<UnavailableActionJson> unavailable = new ArrayList<>();
        for (PanelAction action : shown.allowedActions()) {
            shown.reasonAgainst(action).filter(reason -> !reason.isEmpty()).ifPresent(reason -> unavailable.add(
                    new UnavailableActionJson(action.name(), action.label(), String.valueOf(action.level().letter()),
                            reason, action.destructive())));
        }
        try {
            return json.writeValueAsBytes(new Body(shown.panel().definition().id(), shown.panel().definition().title(),
                    shown.panel().pluginId(), shown.view().refreshSeconds(), actions, unavailable, shown.view().data(),
                    shown.view().sections()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the panel as JSON", e);
        }
    }

    private static ActionJson action(PanelAction action) {
        return new ActionJson(action.name(), action.label(), String.valueOf(action.level().letter()),
                action.confirmation(), action.destructive());
    }
}
