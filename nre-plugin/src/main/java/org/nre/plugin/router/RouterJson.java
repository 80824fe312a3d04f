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
        String text = text(json, "text", 200_000);
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
        Object reason = json.get("reason");
        if (reason != null && !(reason instanceof String)) {
            throw new Malformed("'reason' is not text");
        }
        String reasonText = reason == null ? "" : truncate((String) reason, 1000);
        Object terms = json.get("termsVersion");
        Instant updated;
        try {
            Object at = json.get("updatedAt");
            updated = at instanceof String s ? Instant.parse(s) : null;
        } catch (DateTimeException e) {
            throw new Malformed("'updatedAt' is not an RFC 3339 time");
        }
        return new RouterRegistration(id, district, state, reasonText, terms instanceof String t ? t : "", updated);
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
                return truncate(d, 500);
            }
            return title instanceof String t && !t.isBlank() ? truncate(t, 200) : "";
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
        return text;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
