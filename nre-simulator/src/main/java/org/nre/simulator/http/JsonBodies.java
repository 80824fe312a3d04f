package org.nre.simulator.http;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads request bodies, checking each member the contract requires, and writes answers. */
final class JsonBodies {

    /** The longest joined list of cities or ZIP codes the registry keeps. */
    static final int MAX_LIST_CHARS = 4000;

    // The contract has members that are present with a null value ("reason": null), which jackson-jr leaves out
    // unless told otherwise.
    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private JsonBodies() {
    }

    static byte[] write(Map<String, Object> document) {
        try {
            return WRITER.asBytes(document);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write an answer of the simulated router", e);
        }
    }

    /** The body as a JSON object. */
    static Map<String, Object> object(byte[] body) {
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(body);
        } catch (IOException e) {
            throw new Refusal(400, "Bad body", "The body is not valid JSON.");
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new Refusal(400, "Bad body", "The body must be a JSON object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    static Map<String, Object> object(Map<String, Object> node, String field) {
        if (!(node.get(field) instanceof Map<?, ?> map)) {
            throw new Refusal(422, "Invalid body", "'" + field + "' must be an object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    static String text(Map<String, Object> node, String field, int max) {
        if (!(node.get(field) instanceof String text) || text.isBlank() || text.length() > max) {
            throw new Refusal(422, "Invalid body", "'" + field + "' must be text of 1 to " + max + " characters.");
        }
        return text;
    }

    /** A list of texts, joined with ", " as the registry keeps it. */
    static String list(Map<String, Object> node, String field) {
        if (!(node.get(field) instanceof List<?> values)) {
            throw new Refusal(422, "Invalid body", "'" + field + "' must be a list of text.");
        }
        List<String> items = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String item)) {
                throw new Refusal(422, "Invalid body", "'" + field + "' must be a list of text.");
            }
            items.add(item);
        }
        String joined = String.join(", ", items);
        if (joined.length() > MAX_LIST_CHARS) {
            throw new Refusal(422, "Invalid body", "'" + field + "' is too long.");
        }
        return joined;
    }
}
