package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem documents for the JSON API. */
final class Problems {

    private Problems() {
    }

    static void send(Context ctx, int status, String detail) {
        send(ctx, status, detail, Map.of());
    }

    /** A problem with extension members beside the standard ones, such as an action's field errors. */
    static void send(Context ctx, int status, String detail, Map<String, Object> extensions) {
        ctx.status(status);
        ctx.attribute(Refusals.REASON, detail);
        ctx.contentType("application/problem+json");
        String title = HttpStatus.forStatus(status).getMessage();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        extensions.forEach(body::putIfAbsent);
        ctx.result(ctx.jsonMapper().toJsonString(body, Map.class));
    }
}
