package org.nre.sample.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Declares routes with their access rule, and keeps the list so that tests can walk every route. */
final class Routes {

    /** One route the console serves. */
    record Route(String method, String path, Access access) {
    }

    private final RoutesConfig config;
    private final List<Route> declared = new ArrayList<>();

    Routes(RoutesConfig config) {
        this.config = config;
    }

    void get(String path, Access access, Handler handler) {
        declared.add(new Route("GET", path, access));
        config.addHttpHandler(HandlerType.GET, path, handler, access);
    }

    void post(String path, Access access, Handler handler) {
        declared.add(new Route("POST", path, access));
        config.addHttpHandler(HandlerType.POST, path, handler, access);
    }

    List<Route> declared() {
        return List.copyOf(declared);
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/healthz") || ctx.path().equals("/metrics");
    }

    /** Submitted form fields, without the console's own (_csrf, _confirmed). */
    static Map<String, String> formInput(Context ctx) {
        Map<String, String> input = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.startsWith("_") && !values.isEmpty()) {
                input.put(name, values.get(0));
            }
        });
        return input;
    }
}
