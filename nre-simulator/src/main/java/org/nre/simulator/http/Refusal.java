package org.nre.simulator.http;

import java.util.Map;

/** A request the router refuses, answered with a problem document; thrown from deep in a resource. */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final String title;
    final transient Map<String, String> headers;

    Refusal(int status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    Refusal(int status, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    Answer answer() {
        return Answer.problem(status, title, getMessage()).withHeaders(headers);
    }
}
