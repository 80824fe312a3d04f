package org.nre.hostapi.panel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * What a panel shows now: sections of components, rendered by the host as a page and as JSON, and
 * machine-readable facts for programs that read the JSON.
 *
 * @param sections the sections, in order
 * @param refreshSeconds when above zero, how often a console may fetch the view again on its own,
 *     such as while a state is about to change; zero for never
 * @param data facts for programs, beside the display words of the sections: keys are names, values
 *     are text, booleans, whole numbers, lists and maps of these (times as ISO-8601 text); the host
 *     serves them as they are in the panel's JSON and does not show them on the page
 */
public record PanelView(List<Section> sections, int refreshSeconds, Map<String, Object> data) {

    /** Checks and copies the fields. */
    public PanelView {
        sections = Fields.copyOf(sections, "sections");
        if (refreshSeconds < 0) {
            throw new HostApiException("Field 'refreshSeconds' cannot be negative; use 0 for never");
        }
        data = copyOfData(data, "data");
    }

    /**
     * A view without facts for programs.
     *
     * @param sections the sections, in order
     * @param refreshSeconds how often a console may fetch the view again on its own; zero for never
     */
    public PanelView(List<Section> sections, int refreshSeconds) {
        this(sections, refreshSeconds, Map.of());
    }

    /**
     * A view that never refreshes on its own.
     *
     * @param sections the sections, in order
     * @return the view
     */
    public static PanelView of(Section... sections) {
        return new PanelView(List.of(sections), 0);
    }

    private static Map<String, Object> copyOfData(Map<String, ?> map, String field) {
        if (map == null) {
            throw new HostApiException("Field '" + field + "' cannot be null; use an empty map");
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                throw new HostApiException("Field '" + field + "' has an empty key");
            }
            copy.put(key, copyOfValue(entry.getValue(), field + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyOfValue(Object value, String field) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> typed = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new HostApiException("Field '" + field + "' has a key that is not text");
                }
                typed.put(key, entry.getValue());
            }
            return copyOfData(typed, field);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyOfValue(list.get(i), field + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new HostApiException("Field '" + field + "' must be text, a boolean, a whole number, a list or a map"
                + (value == null ? "; leave out a key that has no value" : "; got " + value.getClass().getSimpleName()));
    }
}
