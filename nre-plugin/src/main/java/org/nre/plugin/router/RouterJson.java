package org.nre.plugin.router;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nre.router.protocol.RequestSigner;

/**
 * Reads and writes the router's JSON, checking every field the contract requires, so that a router that
 * answers wrongly is reported as such instead of being believed.
 */
final class RouterJson {

    /** The answer does not follow the contract; the message says how. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final JSON JSON_STD = JSON.std;

    private RouterJson() {
    }

    static byte[] write(Map<String, ?> body) {
        try {
            return JSON_STD.asBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a router request", e);
        }
    }

    static Map<String, Object> object(byte[] body) throws Malformed {
        if (body.length == 0) {
            throw new Malformed("the answer has no body");
        }
        try {
            Object parsed = JSON_STD.anyFrom(body);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new Malformed("the answer is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            return object;
        } catch (IOException e) {
            throw new Malformed("the answer is not valid JSON");
        }
    }

    static RouterTerms terms(Map<String, Object> json) throws Malformed {
        String version = text(json, "version", 64);
        LocalDate effective;
        try {
            effective = LocalDate.parse(text(json, "effectiveDate", 10));
        } catch (DateTimeException e) {
            throw new Malformed("'effectiveDate' is not a date (YYYY-MM-DD)");
        }
        String digest = text(json, "digest", 80).toLowerCase(Locale.ROOT);
        // The text is checked against its digest as it came, and kept so: the digest is what the district accepts.
        Object raw = json.get("text");
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new Malformed("'text' is missing or not text");
        }
        if (text.length() > 200_000) {
            throw new Malformed("'text' is longer than 200000 characters");
        }
        if (!printable(text).equals(text)) {
            // Cleaning the text would break its digest, which is what the district accepts: it is not taken.
            throw new Malformed("'text' holds control characters (such as terminal escapes), which the contract "
                    + "does not allow");
        }
        String computed = "sha256:" + RequestSigner.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
        if (!computed.equals(digest)) {
            throw new Malformed("the terms' digest does not match their text, so they cannot be trusted");
        }
        return new RouterTerms(version, effective, digest, text);
    }

    static RouterRegistration registration(Map<String, Object> json) throws Malformed {
        String id = text(json, "id", 128);
        String district = text(json, "districtId", 64);
        String stateText = text(json, "state", 32);
        RouterState state;
        try {
            state = RouterState.valueOf(stateText);
        } catch (IllegalArgumentException e) {
            throw new Malformed("'state' is '" + stateText + "', which the contract does not know");
        }
        Map<String, Object> by = optionalObject(json, "registeredBy");
        return new RouterRegistration(id, district, optionalText(json, "clientReference", 64), state,
                optionalText(json, "reason", 1000), optionalText(json, "termsVersion", 64),
                by == null ? "" : optionalText(by, "id", 64), by == null ? "" : optionalText(by, "name", 200),
                optionalText(json, "applicationName", 128), optionalText(json, "sourceAddress", 64),
                optionalInstant(json, "createdAt"), optionalInstant(json, "updatedAt"));
    }

    static List<RouterRegistration> registrations(Map<String, Object> json) throws Malformed {
        Object list = json.get("registrations");
        if (!(list instanceof List<?> items)) {
            throw new Malformed("'registrations' is missing or not a list");
        }
        List<RouterRegistration> registrations = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw new Malformed("an element of 'registrations' is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            registrations.add(registration(object));
        }
        return registrations;
    }

    /** A problem document's detail, or its title, or nothing when the body is not one. */
    static String problemText(byte[] body) {
        try {
            Map<String, Object> json = object(body);
            Object detail = json.get("detail");
            Object title = json.get("title");
            if (detail instanceof String d && !d.isBlank()) {
                return printable(truncate(d, 500));
            }
            return title instanceof String t && !t.isBlank() ? printable(truncate(t, 200)) : "";
        } catch (Malformed e) {
            return "";
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> member(Map<String, Object> json, String name) {
        Object value = json.get(name);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    private static String text(Map<String, Object> json, String field, int max) throws Malformed {
        Object value = json.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new Malformed("'" + field + "' is missing or not text");
        }
        if (text.length() > max) {
            throw new Malformed("'" + field + "' is longer than " + max + " characters");
        }
        return printable(text);
    }

    /** Text the contract allows to be null or missing: empty then; cut at {@code max}. */
    private static String optionalText(Map<String, Object> json, String field, int max) throws Malformed {
        Object value = json.get(field);
        if (value == null) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new Malformed("'" + field + "' is not text");
        }
        return printable(truncate(text, max));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optionalObject(Map<String, Object> json, String field) throws Malformed {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new Malformed("'" + field + "' is not an object");
        }
        return (Map<String, Object>) value;
    }

    private static Instant optionalInstant(Map<String, Object> json, String field) throws Malformed {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof String text) {
                return Instant.parse(text);
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw new Malformed("'" + field + "' is not an RFC 3339 time");
    }

    /**
     * The text without control characters (terminal escapes among them), which the router has no business
     * sending and which must not reach a page, a log or the database as they are; line breaks and tabs stay.
     */
    static String printable(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r';
            if (control || Character.getType(c) == Character.FORMAT && c != '\u200d') {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
                clean.append('\ufffd');
            } else if (clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? text : clean.toString();
    }

    /** The text cleaned as {@link #printable(String)} and cut at {@code max} characters. */
    static String printable(String text, int max) {
        return printable(truncate(text, max));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
