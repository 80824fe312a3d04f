package org.nre.sample.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON API request body read strictly, against the fields its route takes: a field the route does not take,
 * a value of the wrong type or a required field left out is refused with 422, naming each such field, before
 * anything is changed. Leniency here once turned {@code {"groups":["g-sysadmins"]}} into "no grants at all".
 */
final class JsonRequest {

    /** What a field's value must be. */
    enum Type {
        TEXT("a string"),
        BOOLEAN("true or false"),
        WHOLE("a whole number"),
        TEXTS("a list of strings"),
        LEVELS("an object of level letters by id, such as {\"g-registrars\": \"RW\"}");

        final String described;

        Type(String described) {
            this.described = described;
        }
    }

    /** One field a route takes. */
    record Field(String name, Type type, boolean required) {
        static Field required(String name, Type type) {
            return new Field(name, type, true);
        }

        static Field optional(String name, Type type) {
            return new Field(name, type, false);
        }
    }

    /** Thrown for a body that does not fit; the route answers it with a problem naming the fields. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Map<String, String> errors;

        Refused(String message, Map<String, String> errors) {
            super(message, null, false, false);
            this.errors = Map.copyOf(errors);
        }
    }

    private final JsonNode body;

    private JsonRequest(JsonNode body) {
        this.body = body;
    }

    /**
     * Reads the request's body as a JSON object with exactly these fields.
     *
     * @throws Guard.Refusal with 400 when the body is not a JSON object
     * @throws Refused when a field is unknown, of the wrong type, or required and missing
     */
    static JsonRequest read(Context ctx, ObjectMapper json, Field... fields) {
        JsonNode body = JsonBodies.object(ctx, json);
        Map<String, Field> known = new LinkedHashMap<>();
        for (Field field : fields) {
            known.put(field.name(), field);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Field field = known.get(name);
            if (field == null) {
                errors.put(shown(name), "This request takes no field '" + shown(name) + "'; it takes "
                        + String.join(", ", known.keySet()) + ".");
            } else if (!fits(body.get(name), field.type())) {
                errors.put(name, "'" + name + "' must be " + field.type().described + ", not " + kind(body.get(name))
                        + ".");
            }
        }
        for (Field field : fields) {
            if (field.required() && (!body.has(field.name()) || body.get(field.name()).isNull())) {
                errors.put(field.name(), "'" + field.name() + "' is required: " + field.type().described + ".");
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused("Nothing was changed: the request's fields do not fit this route. "
                    + String.join(" ", errors.values()), errors);
        }
        return new JsonRequest(body);
    }

    String text(String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? "" : value.textValue();
    }

    /** The text, or {@code absent} when the field is left out or null. */
    String textOr(String name, String absent) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? absent : value.textValue();
    }

    boolean bool(String name, boolean absent) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? absent : value.booleanValue();
    }

    long whole(String name) {
        return body.get(name).longValue();
    }

    List<String> texts(String name) {
        List<String> values = new ArrayList<>();
        JsonNode node = body.get(name);
        if (node != null && node.isArray()) {
            node.forEach(item -> values.add(item.textValue()));
        }
        return values;
    }

    Map<String, String> levels(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode node = body.get(name);
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().textValue()));
        }
        return values;
    }

    private static boolean fits(JsonNode value, Type type) {
        if (value.isNull()) {
            return true; // a null is an absent field: required fields are checked as such
        }
        return switch (type) {
            case TEXT -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case WHOLE -> value.isIntegralNumber() && value.canConvertToLong();
            case TEXTS -> value.isArray() && all(value, JsonNode::isTextual);
            case LEVELS -> value.isObject() && all(value, JsonNode::isTextual);
        };
    }

    private static boolean all(JsonNode container, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : container) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isBoolean()) {
            return "true or false";
        }
        if (value.isNumber()) {
            return "a number";
        }
        if (value.isArray()) {
            return value.isEmpty() || all(value, JsonNode::isTextual) ? "a list" : "a list holding other things than "
                    + "strings";
        }
        if (value.isObject()) {
            return value.isEmpty() || all(value, JsonNode::isTextual) ? "an object" : "an object holding other "
                    + "things than strings";
        }
        return "null";
    }

    private static String shown(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
