package org.nre.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as the router reads it.
 *
 * @param method the method, upper case
 * @param rawPath the path exactly as sent, percent-encoding included: what the signature covers
 * @param rawQuery the query exactly as sent, or empty when there is none
 * @param headers the headers, by lower-case name (the first value of each)
 * @param body the body, empty when there is none
 */
record RouterRequest(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {

    RouterRequest {
        headers = Map.copyOf(headers);
    }

    /** The path with the query, as signed. */
    String pathAndQuery() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    /** A header's first value, or null when it was not sent. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A query parameter's first value, decoded. */
    Optional<String> query(String name) {
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "Bad query", "The query string is not valid percent-encoding.");
        }
    }
}
