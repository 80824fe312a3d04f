package org.nre.hostapi.panel;

import java.util.ArrayList;
import java.util.List;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/** One thing a panel section shows. The host escapes every text in every component. */
public sealed interface Component
        permits Component.LabelledValue, Component.StatusBadge, Component.Notice, Component.LongText,
        Component.Paragraph, Component.Checkbox, Component.TextInput, Component.SecretInput,
        Component.Hidden, Component.Table, Component.Button {

    /**
     * A label and its value, such as "Exchange Registration: Not Registered".
     *
     * @param label the label, without the colon
     * @param value the value
     */
    record LabelledValue(String label, String value) implements Component {
        /** Checks the fields. */
        public LabelledValue {
            Fields.requireText(label, "label");
            value = Fields.orEmpty(value);
        }
    }

    /**
     * A status shown as a coloured badge and announced to screen readers when it changes, such as
     * "Exchange Status: Active".
     *
     * @param label the label, without the colon
     * @param text the status
     * @param tone how it is coloured
     * @param detail more about the status, such as why, or empty
     */
    record StatusBadge(String label, String text, Tone tone, String detail) implements Component {
        /** Checks the fields. */
        public StatusBadge {
            Fields.requireText(label, "label");
            Fields.requireText(text, "text");
            if (tone == null) {
                throw new HostApiException("Field 'tone' cannot be null");
            }
            detail = Fields.orEmpty(detail);
        }
    }

    /**
     * A message that stands out, such as a warning.
     *
     * @param tone how it is coloured
     * @param text the message
     */
    record Notice(Tone tone, String text) implements Component {
        /** Checks the fields. */
        public Notice {
            if (tone == null) {
                throw new HostApiException("Field 'tone' cannot be null");
            }
            Fields.requireText(text, "text");
        }
    }

    /**
     * A long text shown in a scrolling box, such as terms of service; blank lines separate paragraphs.
     *
     * @param title the text's title, such as its version
     * @param caption a line under the title, such as the effective date, or empty
     * @param text the text
     */
    record LongText(String title, String caption, String text) implements Component {
        /** Checks the fields. */
        public LongText {
            Fields.requireText(title, "title");
            caption = Fields.orEmpty(caption);
            text = Fields.orEmpty(text);
        }
    }

    /**
     * A plain paragraph.
     *
     * @param text the paragraph
     */
    record Paragraph(String text) implements Component {
        /** Checks the fields. */
        public Paragraph {
            Fields.requireText(text, "text");
        }
    }

    /**
     * A checkbox the section's buttons submit.
     *
     * @param name the input's name
     * @param label its label
     * @param checked whether it starts ticked
     */
    record Checkbox(String name, String label, boolean checked) implements Component {
        /** Checks the fields. */
        public Checkbox {
            Fields.requireId(name, "name");
            Fields.requireText(label, "label");
        }
    }

    /**
     * A one-line text input the section's buttons submit.
     *
     * @param name the input's name
     * @param label its label
     * @param value its current value, or empty
     * @param kind what it accepts
     * @param help a hint shown under it, or empty
     */
    record TextInput(String name, String label, String value, InputKind kind, String help) implements Component {
        /** Checks the fields. */
        public TextInput {
            Fields.requireId(name, "name");
            Fields.requireText(label, "label");
            value = Fields.orEmpty(value);
            if (kind == null) {
                throw new HostApiException("Field 'kind' cannot be null");
            }
            help = Fields.orEmpty(help);
        }
    }

    /**
     * An input for a secret: it never shows the value, only whether one is set; submitting it empty
     * leaves the secret as it is.
     *
     * @param name the input's name
     * @param label its label
     * @param set whether a value is stored
     * @param help a hint shown under it, or empty
     */
    record SecretInput(String name, String label, boolean set, String help) implements Component {
        /** Checks the fields. */
        public SecretInput {
            Fields.requireId(name, "name");
            Fields.requireText(label, "label");
            help = Fields.orEmpty(help);
        }
    }

    /**
     * A value the section's buttons submit without showing it, such as the version of what the user saw,
     * so that an action can refuse a stale form.
     *
     * @param name the input's name
     * @param value the value
     */
    record Hidden(String name, String value) implements Component {
        /** Checks the fields. */
        public Hidden {
            Fields.requireId(name, "name");
            value = Fields.orEmpty(value);
        }
    }

    /**
     * A table of text cells.
     *
     * @param caption what the table holds
     * @param columns the column headings
     * @param rows the rows, each with one cell per column
     * @param emptyText what to show when there are no rows
     */
    record Table(String caption, List<String> columns, List<List<String>> rows, String emptyText)
            implements Component {
        /** Checks and copies the fields. */
        public Table {
            Fields.requireText(caption, "caption");
            columns = Fields.copyOfTexts(columns, "columns");
            if (columns.isEmpty()) {
                throw new HostApiException("Field 'columns' of table '" + caption + "' needs at least one column");
            }
            List<List<String>> copies = new ArrayList<>();
            for (List<String> row : Fields.copyOf(rows, "rows")) {
                List<String> cells = Fields.copyOf(row, "rows[]");
                if (cells.size() != columns.size()) {
                    throw new HostApiException("A row of table '" + caption + "' has " + cells.size()
                            + " cells; it needs one per column (" + columns.size() + ")");
                }
                copies.add(cells);
            }
            rows = List.copyOf(copies);
            emptyText = Fields.orEmpty(emptyText);
        }
    }

    /**
     * A button that runs one of the panel's actions with the values of its section's inputs. The host
     * shows it only to users who hold the level the action needs. A button with a reason is shown
     * disabled, with the reason beside it, for an action the panel will not carry out now; the host lists
     * only enabled buttons' actions as available now.
     *
     * @param action the action's name, one of the panel's {@link PanelDefinition#actions()}
     * @param primary whether it is the section's main button
     * @param disabledReason why the action cannot be used now, or empty when it can
     */
    record Button(String action, boolean primary, String disabledReason) implements Component {
        /** Checks the fields. */
        public Button {
            Fields.requireId(action, "action");
            disabledReason = Fields.orEmpty(disabledReason);
        }

        /**
         * A button that can be used now.
         *
         * @param action the action's name
         * @param primary whether it is the section's main button
         */
        public Button(String action, boolean primary) {
            this(action, primary, "");
        }

        /**
         * Whether the action can be used now.
         *
         * @return true when there is no reason against it
         */
        public boolean enabled() {
            return disabledReason.isEmpty();
        }
    }
}
