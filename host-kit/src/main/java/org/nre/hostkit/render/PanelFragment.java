package org.nre.hostkit.render;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;

/**
 * What the panel sections' template shows: the plugin's view, and the outcome of the last action if any.
 *
 * @param panelId the panel's id
 * @param view the view, with buttons the viewer may not use already removed
 * @param actions the actions the viewer may run, by name
 * @param messageTone the tone of the last action's message, or empty
 * @param message the last action's message, or empty
 * @param fieldErrors the last action's errors by input name
 * @param typed what the user typed into text inputs for an action refused for its input, by input name: shown
 *     again in place of the view's values, so that a mistake in one field loses nothing typed in the others
 * @param form where the forms post and the fields they carry
 */
public record PanelFragment(String panelId, PanelView view, Map<String, PanelAction> actions, String messageTone,
                            String message, Map<String, String> fieldErrors, Map<String, String> typed,
                            FormTarget form) {

    private static final java.util.regex.Pattern NOT_SLUG = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern DASH_AT_ENDS = java.util.regex.Pattern.compile("(^-|-$)");
    private static final java.util.regex.Pattern BLANK_LINE = java.util.regex.Pattern.compile("\\R\\s*\\R");

    public PanelFragment {
        actions = Map.copyOf(actions);
        fieldErrors = Map.copyOf(fieldErrors);
        typed = Map.copyOf(typed);
    }

    /**
     * The id a button's element is named by: its action, unless the action's button stands in several sections
     * (one per registration, say); then its action and the section's index, so that no two elements share an id.
     */
    public String buttonId(Component.Button button, int sectionIndex) {
        long sections = view.sections().stream().filter(section -> section.components().stream()
                .anyMatch(c -> c instanceof Component.Button other && other.action().equals(button.action())))
                .count();
        return sections > 1 ? button.action() + "-" + sectionIndex : button.action();
    }

    /** What a text input shows: what the user typed when their action was refused, else the view's value. */
    public String value(Component.TextInput input) {
        return typed.getOrDefault(input.name(), input.value());
    }

    /** A section with inputs or buttons is a form: its buttons submit its inputs. */
    public boolean isForm(Section section) {
        return section.components().stream().anyMatch(c -> c instanceof Component.Button
                || c instanceof Component.Checkbox || c instanceof Component.TextInput
                || c instanceof Component.SecretInput);
    }

    public String formAction(Section section) {
        return section.components().stream()
                .filter(c -> c instanceof Component.Button)
                .map(c -> actionPath(((Component.Button) c).action()))
                .findFirst()
                .orElse(actionPath("none"));
    }

    public String actionPath(String action) {
        return form.actionPath(action);
    }

    public String actionLabel(String action) {
        PanelAction definition = actions.get(action);
        return definition == null ? action : definition.label();
    }

    public String error(String field) {
        return fieldErrors.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return fieldErrors.containsKey(field);
    }

    public static String tone(Tone tone) {
        return tone.name().toLowerCase(Locale.ROOT);
    }

    /** Blank lines separate paragraphs. */
    public static List<String> paragraphs(String text) {
        return Arrays.stream(BLANK_LINE.split(text)).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** A section's key for the page's live update: its heading, or its place when it has none. */
    public static String sectionKey(Section section, int index) {
        return "s-" + (section.heading().isEmpty() ? String.valueOf(index) : slug(section.heading()));
    }

    /**
     * Each component's key for the page's live update, in order: what the component is (its name, action,
     * label or caption) rather than where it stands, so that a component added before it leaves it in place.
     */
    public static List<String> componentKeys(Section section, int index) {
        String prefix = sectionKey(section, index) + "-";
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (Component component : section.components()) {
            String identity = identity(component);
            int count = seen.merge(identity, 1, Integer::sum);
            keys.add(prefix + identity + (count == 1 ? "" : "-" + count));
        }
        return keys;
    }

    private static String identity(Component component) {
        if (component instanceof Component.LabelledValue v) {
            return "value-" + slug(v.label());
        } else if (component instanceof Component.StatusBadge b) {
            return "status-" + slug(b.label());
        } else if (component instanceof Component.Checkbox c) {
            return "input-" + c.name();
        } else if (component instanceof Component.TextInput i) {
            return "input-" + i.name();
        } else if (component instanceof Component.SecretInput i) {
            return "input-" + i.name();
        } else if (component instanceof Component.Hidden h) {
            return "hidden-" + h.name();
        } else if (component instanceof Component.Table t) {
            return "table-" + slug(t.caption());
        } else if (component instanceof Component.Button b) {
            return "button-" + b.action();
        } else if (component instanceof Component.LongText) {
            return "text";
        } else if (component instanceof Component.Notice) {
            return "notice";
        }
        return "paragraph";
    }

    private static String slug(String text) {
        String slug = NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = DASH_AT_ENDS.matcher(slug).replaceAll("");
        return slug.length() > 40 ? slug.substring(0, 40) : slug;
    }

    public String inputType(Component.TextInput input) {
        // MULTILINE is rendered as a textarea; the type is only asked for the other kinds.
        return switch (input.kind()) {
            case URL -> "url";
            case NUMBER -> "number";
            case TEXT, MULTILINE -> "text";
        };
    }
}
