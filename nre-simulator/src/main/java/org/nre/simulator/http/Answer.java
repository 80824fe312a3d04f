package org.nre.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the router answers: a status and a JSON document.
 *
 * @param status the HTTP status
 * @param contentType {@code application/json}, or {@code application/problem+json} for a refusal
 * @param document the body, as maps, lists and values
 * @param headers further response headers, such as Retry-After
 */
record Answer(int status, String contentType, Map<String, Object> document, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    Answer {
        document = new LinkedHashMap<>(document);
        headers = Map.copyOf(headers);
    }

    static Answer json(int status, Map<String, Object> document) {
        return new Answer(status, JSON, document, Map.of());
    }

    /** An RFC 9457 problem document. */
    static Answer problem(int status, String title, String detail) {
        return new Answer(status, PROBLEM, problemDocument(status, title, detail), Map.of());
    }

    static Map<String, Object> problemDocument(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    Answer withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new Answer(status, contentType, document, all);
    }
}
