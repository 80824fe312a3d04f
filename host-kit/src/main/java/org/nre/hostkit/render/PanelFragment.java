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
 * @param readerNote the line that tells a user who may not run some of the panel's actions what they may do and
 *     whom to ask, or empty when the user may run them all
 */
public record PanelFragment(String panelId, PanelView view, Map<String, PanelAction> actions, String messageTone,
                            String message, Map<String, String> fieldErrors, Map<String, String> typed,
                            FormTarget form, String readerNote) {

    /**
     * A destructive action's button shown in the danger zone, in a form of its own with the hidden fields of the
     * section it came from.
     *
     * @param button the button
     * @param hidden the hidden fields of its section
     * @param sectionIndex the index of its section in the view, for its element id
     */
    public record DangerButton(Component.Button button, List<Component.Hidden> hidden, int sectionIndex) {
    }

    private static final java.util.regex.Pattern NOT_SLUG = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern DASH_AT_ENDS = java.util.regex.Pattern.compile("(^-|-$)");
    private static final java.util.regex.Pattern BLANK_LINE = java.util.regex.Pattern.compile("\\R\\s*\\R");

    public PanelFragment {
        actions = Map.copyOf(actions);
        fieldErrors = Map.copyOf(fieldErrors);
        typed = Map.copyOf(typed);
        readerNote = readerNote == null ? "" : readerNote;
    }

    /** A fragment with no line for readers. */
    public PanelFragment(String panelId, PanelView view, Map<String, PanelAction> actions, String messageTone,
                         String message, Map<String, String> fieldErrors, Map<String, String> typed,
                         FormTarget form) {
        this(panelId, view, actions, messageTone, message, fieldErrors, typed, form, "");
    }

    /** Whether the action cannot be undone, so that its button is shown apart and in danger colours. */
    public boolean isDestructive(String action) {
        PanelAction definition = actions.get(action);
        return definition != null && definition.destructive();
    }

    /** The class of a button: danger for a destructive action, else primary or secondary as the plugin asks. */
    public String buttonClass(Component.Button button) {
        return isDestructive(button.action()) ? "danger" : button.primary() ? "primary" : "secondary";
    }

    /**
     * Whether a component stands in its section: everything but a destructive action's button in a section
     * without inputs, which stands in the danger zone instead. A destructive button beside inputs stays with
     * them (it submits them), in danger colours.
     */
    public boolean inPlace(Section section, Component component) {
        return !(component instanceof Component.Button button && isDestructive(button.action())
                && !hasInputs(section));
    }

    /** Whether a section shows anything but the buttons moved to the danger zone. */
    public boolean showsInPlace(Section section) {
        return section.components().stream().anyMatch(c -> inPlace(section, c)) || section.components().isEmpty();
    }

    /** The destructive actions' buttons that stand apart, at the end of the panel, in the view's order. */
    public List<DangerButton> dangerZone() {
        List<DangerButton> buttons = new java.util.ArrayList<>();
        for (int s = 0; s < view.sections().size(); s++) {
            Section section = view.sections().get(s);
            List<Component.Hidden> hidden = section.components().stream()
                    .filter(c -> c instanceof Component.Hidden).map(c -> (Component.Hidden) c).toList();
            for (Component component : section.components()) {
                if (component instanceof Component.Button button && !inPlace(section, component)) {
                    buttons.add(new DangerButton(button, hidden, s));
                }
            }
        }
        return buttons;
    }

    private static boolean hasInputs(Section section) {
        return section.components().stream().anyMatch(c -> c instanceof Component.Checkbox
                || c instanceof Component.TextInput || c instanceof Component.SecretInput);
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
        return section.components().stream().anyMatch(c -> c instanceof Component.Button && inPlace(section, c)
                || c instanceof Component.Checkbox || c instanceof Component.TextInput
                || c instanceof Component.SecretInput);
    }

    public String formAction(Section section) {
        return section.components().stream()
                .filter(c -> c instanceof Component.Button && inPlace(section, c))
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
