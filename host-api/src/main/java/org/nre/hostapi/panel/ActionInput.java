package org.nre.hostapi.panel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nre.hostapi.HostApiException;

/**
 * The values a user submitted with an action: each input of the panel by name, as text.
 * A ticked checkbox arrives as {@code on} (from a form) or {@code true} (from the JSON API).
 *
 * @param values the submitted values by input name
 */
public record ActionInput(Map<String, String> values) {

    private static final Set<String> TICKED = Set.of("on", "true", "yes", "1");

    /** Checks and copies the fields. */
    public ActionInput {
        if (values == null) {
            throw new HostApiException("Field 'values' cannot be null");
        }
        values = Map.copyOf(values);
    }

    /**
     * No input at all.
     *
     * @return an empty input
     */
    public static ActionInput empty() {
        return new ActionInput(Map.of());
    }

    /**
     * Looks up a text value, trimmed.
     *
     * @param name the input's name
     * @return the trimmed value, or empty when it was not sent or is blank
     */
    public Optional<String> text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Whether a checkbox was ticked.
     *
     * @param name the checkbox's name
     * @return true when it was sent as on, true, yes or 1
     */
    public boolean checked(String name) {
        String value = values.get(name);
        return value != null && TICKED.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
