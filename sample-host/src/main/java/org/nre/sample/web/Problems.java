package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** RFC 9457 problem documents for the JSON API. */
final class Problems {

    /** A problem: what kind, and what to do. */
    record Problem(String type, String title, int status, String detail) {
    }

    private Problems() {
    }

    static void send(Context ctx, int status, String detail) {
        ctx.status(status);
        ctx.contentType("application/problem+json");
        String title = HttpStatus.forStatus(status).getMessage();
        ctx.result(ctx.jsonMapper().toJsonString(new Problem("about:blank", title, status, detail), Problem.class));
    }
}
