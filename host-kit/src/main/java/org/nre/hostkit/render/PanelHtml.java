package org.nre.hostkit.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.Map;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.Tone;
import org.nre.hostkit.panel.Panels;

/**
 * Renders a shown panel's sections as an HTML fragment, every text a plugin supplies escaped (the template engine
 * escapes by default). The console supplies where forms post and what they carry, and the page around it.
 */
public final class PanelHtml {

    private static final String TEMPLATE = "panelsections.jte";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            PanelHtml.class.getClassLoader(), "org.nre.hostkit.render.jte");
    private final RenderedPanels kept = new RenderedPanels();

    /**
     * The sections as the user may see them. A plugin that hands out the same view object while nothing changed
     * costs no rendering: the fragment is kept for that view, the user's actions and the form target.
     */
    public RenderedSections sections(Panels.Shown shown, FormTarget form) {
        PanelFragment fragment = fragment(shown, form, "", "", Map.of(), Map.of());
        return kept.html(shown.source(), fragment.actions().keySet(), form, () -> render(fragment));
    }

    /**
     * The sections with the answer to an action shown inside them: its message in its tone, each field's error
     * beside the field, and, for an action refused for its input, what the user typed into the text inputs shown
     * again (never a secret: a secret input is always shown empty). Rendered for this answer alone.
     */
    public String sections(Panels.Shown shown, FormTarget form, Tone tone, String message,
                           Map<String, String> fieldErrors, Map<String, String> typed) {
        return render(fragment(shown, form, PanelFragment.tone(tone), message, fieldErrors, typed));
    }

    private static PanelFragment fragment(Panels.Shown shown, FormTarget form, String tone, String message,
                                          Map<String, String> fieldErrors, Map<String, String> typed) {
        Map<String, PanelAction> actions = new HashMap<>();
        shown.allowedActions().forEach(action -> actions.put(action.name(), action));
        return new PanelFragment(shown.panel().definition().id(), shown.view(), actions, tone, message, fieldErrors,
                typed, form, ReaderNote.of(shown, form));
    }

    private String render(PanelFragment fragment) {
        StringOutput output = new StringOutput();
        engine.render(TEMPLATE, Map.of("model", fragment), output);
        return output.toString();
    }
}
