package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request into {@code http.server.requests}, tagged with the method, the route's template (such as
 * {@code /api/panels/{panel}}, never the path with its ids) and the status: a request no route matched is
 * {@code NOT_FOUND} or {@code UNMATCHED}, an asset {@code /assets/**}.
 */
final class HttpMetrics {

    static final String REQUESTS = "http.server.requests";
    private static final String STARTED = "nre.request-started";

    private final MeterRegistry registry;

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** First of all: notes when the request began. */
    void before(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    /** Last of all: records how long it took. */
    void after(Context ctx) {
        Object started = ctx.attribute(STARTED);
        if (!(started instanceof Long nanos)) {
            return;
        }
        int status = ctx.statusCode();
        Timer.builder(REQUESTS).description("HTTP requests the console answered, by route template and status")
                .tag("method", ctx.method().name()).tag("uri", template(ctx, status))
                .tag("status", String.valueOf(status)).register(registry)
                .record(Duration.ofNanos(System.nanoTime() - nanos));
    }

    private static String template(Context ctx, int status) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint != null) {
            return endpoint.path;
        }
        if (ctx.path().startsWith("/assets/")) {
            return "/assets/**";
        }
        return status == 404 ? "NOT_FOUND" : "UNMATCHED";
    }
}
