package org.nre.sample.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused form as the page it redirects to shows it again: what was entered (never a password) and the error
 * of each field. It travels in the session's message, so that the answer to a form is always a redirect to a page
 * (post/redirect/get) and reloading that page sends nothing again.
 *
 * @param values what was entered, by field name; a field of several values (checkboxes) holds them all
 * @param errors the error of each field, by field name
 */
public record KeptForm(Map<String, List<String>> values, Map<String, String> errors) {

    /** No form kept: every page shows its stored values. */
    public static final KeptForm NONE = new KeptForm(Map.of(), Map.of());

    // The session's column holds this much; a form larger than that keeps its errors and loses its values.
    static final int MOST_CHARACTERS = 8000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<KeptForm> TYPE = new TypeReference<>() {
    };

    public KeptForm {
        Map<String, List<String>> copied = new LinkedHashMap<>();
        values.forEach((name, entered) -> copied.put(name, List.copyOf(entered)));
        values = java.util.Collections.unmodifiableMap(copied);
        errors = Map.copyOf(errors);
    }

    /** A form of single values. */
    static KeptForm of(Map<String, String> values, Map<String, String> errors) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        values.forEach((name, value) -> lists.put(name, List.of(value)));
        return new KeptForm(lists, errors);
    }

    public boolean kept() {
        return !values.isEmpty() || !errors.isEmpty();
    }

    /** What was entered in the field, or the stored value when nothing was kept for it. */
    public String value(String name, String stored) {
        List<String> entered = values.get(name);
        return entered == null || entered.isEmpty() ? stored : entered.get(0);
    }

    /** Whether a checkbox was ticked when the form was sent, or its stored state when no form was kept. */
    public boolean checked(String name, boolean stored) {
        return values.isEmpty() ? stored : values.getOrDefault(name, List.of()).contains("on");
    }

    /** Whether a checkbox of several values was ticked with this value, or its stored state. */
    public boolean checked(String name, String value, boolean stored) {
        return values.isEmpty() ? stored : values.getOrDefault(name, List.of()).contains(value);
    }

    /** The field's error, or empty. */
    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    /** The single values, for renderers that take one value a field. */
    Map<String, String> singleValues() {
        Map<String, String> single = new LinkedHashMap<>();
        values.forEach((name, entered) -> {
            if (!entered.isEmpty()) {
                single.put(name, entered.get(0));
            }
        });
        return single;
    }

    String json() {
        try {
            String whole = JSON.writeValueAsString(this);
            return whole.length() <= MOST_CHARACTERS ? whole
                    : JSON.writeValueAsString(new KeptForm(Map.of(), errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A form's values could not be written as JSON", e);
        }
    }

    /** The form a message carried, or none when it carried none or cannot be read (a console of another version). */
    static KeptForm fromJson(String json) {
        if (json == null || json.isEmpty()) {
            return NONE;
        }
        try {
            KeptForm form = JSON.readValue(json, TYPE);
            return form == null || form.values() == null || form.errors() == null ? NONE : form;
        } catch (JsonProcessingException | RuntimeException e) {
            return NONE;
        }
    }
}
