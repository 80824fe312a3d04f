package org.nre.sample.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostkit.health.ContributedHealth;
import org.nre.hostkit.menu.MenuTree;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.plugins.PluginHealth;
import org.nre.hostkit.render.PanelJson;
import org.nre.sample.auth.Accounts;
import org.nre.sample.auth.SessionStore;

/** The JSON API, with the same rights as the pages. Errors are RFC 9457 problem documents. */
final class ApiRoutes {

    record UserJson(String id, String login, String displayName, boolean administrator, boolean mustChangePassword) {
    }

    record SessionJson(UserJson user, String csrfToken) {
    }

    record ResultJson(String outcome, String message, Map<String, String> errors) {
    }

    /** A plugin in the health check; who disabled it, and when, only for one off on purpose. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    record PluginJson(String id, String version, String state, String disabledBy, java.time.Instant disabledAt) {
    }

    /** A check a plugin contributes: its facts only with the details. */
    record CheckJson(String name, String status, String message, Map<String, String> details, long tookMs) {
    }

    record HealthJson(String status, String product, String version, String database, List<PluginJson> plugins,
                      List<CheckJson> checks) {
    }

    /** Prometheus' text format, as its scrapers ask for it. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Services services;
    private final ObjectMapper json;
    private final PanelJson panelJson;
    private final Guard guard;

    ApiRoutes(Services services, ObjectMapper json, PanelJson panelJson, Guard guard) {
        this.services = services;
        this.json = json;
        this.panelJson = panelJson;
        this.guard = guard;
    }

    void register(Routes routes) {
        routes.get("/healthz", Access.PUBLIC, this::health);
        routes.get("/metrics", Access.MONITOR, this::metrics);
        routes.post("/api/session", Access.SIGN_IN, this::signIn);
        routes.get("/api/session", Access.PASSWORD_CHANGE, this::session);
        routes.post("/api/account/password", Access.PASSWORD_CHANGE, this::changePassword);
        routes.get("/api/menu", Access.SIGNED_IN, this::menu);
        routes.get("/api/panels/{panel}", Access.SIGNED_IN, this::panel);
        routes.post("/api/panels/{panel}/actions/{action}", Access.SIGNED_IN, this::act);
        routes.get("/api/plugins", Access.ADMINISTRATOR, this::plugins);
    }

    /**
     * UP, DEGRADED or DOWN for anyone (a load balancer needs no more); the product, the database, each plugin's
     * version and state, and each check the plugins contribute (name, outcome, message and facts) for a console
     * administrator or a monitor that sends the monitoring token.
     */
    private void health(Context ctx) {
        boolean databaseUp = services.database().isUp();
        // A plugin disabled on purpose (or stopped with one it depends on) is no fault: only the others degrade.
        List<PluginHealth> pluginHealth = services.plugins().health();
        boolean pluginsHealthy = pluginHealth.stream().allMatch(PluginHealth::healthy);
        // Each within the kit's time limit: a check that hangs costs this request 2 s at most. With the database
        // down the console is DOWN whatever they say, and those that read it would only wait for the pool and
        // fail, each logging its stack trace at every probe of the load balancer: they are not run.
        ContributedHealth contributed = databaseUp ? services.kit().health() : new ContributedHealth(List.of());
        String status = !databaseUp ? "DOWN" : pluginsHealthy && contributed.healthy() ? "UP" : "DEGRADED";
        ctx.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.header("Cache-Control", "no-store");
        if (!healthDetails(ctx)) {
            ctx.json(Map.of("status", status));
            return;
        }
        List<PluginJson> plugins = pluginHealth.stream()
                .map(p -> new PluginJson(p.id(), p.version(), p.state(), p.disabledBy(), p.disabledAt())).toList();
        List<CheckJson> checks = contributed.checks().stream().map(check -> new CheckJson(check.name(),
                check.healthy() ? "UP" : "DOWN", check.message(), check.details(), check.took().toMillis())).toList();
        ctx.json(new HealthJson(status, services.productName(), services.productVersion(),
                databaseUp ? "UP" : "DOWN", plugins, checks));
    }

    /** The console's and the plugins' metrics for Prometheus; the guard has checked the token or administrator. */
    private void metrics(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(PROMETHEUS_TEXT);
        ctx.result(services.kit().metrics().scrape());
    }

    private boolean healthDetails(Context ctx) {
        if (guard.monitor(ctx)) {
            return true;
        }
        if (ctx.cookie(Guard.SESSION_COOKIE) == null) {
            return false;
        }
        try {
            Viewer viewer = guard.resolve(ctx);
            return viewer != null && viewer.administrator();
        } catch (RuntimeException e) {
            return false; // the database is down: the status says so, the details wait
        }
    }

    private void signIn(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, JsonRequest.Field.required("login", JsonRequest.Type.TEXT),
                JsonRequest.Field.required("password", JsonRequest.Type.TEXT));
        Accounts.SignIn signIn = services.accounts().signIn(body.text("login"), body.text("password"),
                Client.of(ctx).address());
        if (signIn instanceof Accounts.SignIn.Refused refused) {
            Problems.send(ctx, 401, refused.message());
            return;
        }
        if (signIn instanceof Accounts.SignIn.Busy busy) {
            ctx.header("Retry-After", String.valueOf(busy.retryAfter().toSeconds()));
            Problems.send(ctx, 503, busy.message());
            return;
        }
        SessionStore.Opened opened = ((Accounts.SignIn.Opened) signIn).session();
        guard.endBroughtSession(ctx);
        SessionCookie.set(ctx, opened.token(), guard.secure(ctx));
        var account = services.accounts().users().byId(opened.session().userId()).orElseThrow();
        ctx.json(new SessionJson(user(account), opened.session().csrfToken()));
    }

    /** The signed-in user's own password, as the page does it: a script can bring a fresh console's admin in. */
    private void changePassword(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, JsonRequest.Field.required("current", JsonRequest.Type.TEXT),
                JsonRequest.Field.required("chosen", JsonRequest.Type.TEXT),
                JsonRequest.Field.required("repeated", JsonRequest.Type.TEXT));
        Viewer viewer = Guard.viewer(ctx);
        java.util.Optional<String> problem = services.accounts().changePassword(viewer.session(), viewer.account(),
                body.text("current"), body.text("chosen"), body.text("repeated"), Client.of(ctx).address());
        if (problem.isPresent()) {
            Problems.send(ctx, 422, problem.get());
            return;
        }
        ctx.json(java.util.Map.of("message", "Your password was changed. Your other sessions, if you had any, have "
                + "ended."));
    }

    private void session(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        ctx.json(new SessionJson(user(viewer.account()), viewer.session().csrfToken()));
    }

    private static UserJson user(org.nre.sample.directory.Account account) {
        return new UserJson(account.id(), account.login(), account.displayName(), account.administrator(),
                account.mustChangePassword());
    }

    private void menu(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        List<MenuTree.Node> menu = MenuTree.forUser(services.plugins().contributions(), viewer.user().rights());
        ctx.json(menu);
    }

    private void panel(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        Panels.ViewOutcome outcome = services.panels().view(ctx.pathParam("panel"), viewer.user());
        if (outcome instanceof Panels.Shown shown) {
            byte[] body = panelJson.of(shown);
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json");
            ctx.result(body);
        } else {
            refuse(ctx, outcome);
        }
    }

    private void act(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        JsonNode body = body(ctx);
        Map<String, String> input = new LinkedHashMap<>();
        boolean confirmed = false;
        for (var field : (Iterable<Map.Entry<String, JsonNode>>) body::fields) {
            if (field.getKey().equals("_confirmed")) {
                confirmed = field.getValue().asBoolean(false);
            } else if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                input.put(field.getKey(), field.getValue().asText());
            } else {
                Problems.send(ctx, 400, "Field '" + field.getKey() + "' must be a string, number or boolean.");
                return;
            }
        }
        Panels.ActOutcome outcome = services.panels().act(ctx.pathParam("panel"), ctx.pathParam("action"),
                new ActionInput(input), viewer.user(), confirmed);
        if (outcome instanceof Panels.Done done) {
            ActionResult result = done.result();
            if (result instanceof ActionResult.Success) {
                ctx.json(new ResultJson(Panels.outcomeName(result), result.message(), Map.of()));
            } else if (result instanceof ActionResult.Invalid invalid) {
                Map<String, String> errors = new LinkedHashMap<>();
                invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
                Problems.send(ctx, 422, result.message(), Map.of("outcome", "invalid", "errors", errors));
            } else {
                boolean conflict = result instanceof ActionResult.Conflict;
                Problems.send(ctx, conflict ? 409 : 503, result.message(),
                        Map.of("outcome", Panels.outcomeName(result)));
            }
        } else if (outcome instanceof Panels.NeedsConfirmation needs) {
            Problems.send(ctx, 428, needs.action().confirmation()
                    + " Send the request again with \"_confirmed\": true to go ahead.");
        } else {
            refuse(ctx, outcome);
        }
    }

    private void plugins(Context ctx) {
        ctx.json(services.plugins().statuses());
    }


    private static void refuse(Context ctx, Object outcome) {
        if (outcome instanceof Panels.NotFound notFound) {
            Problems.send(ctx, 404, "There is no panel or action '" + notFound.panelId() + "'.");
        } else if (outcome instanceof Panels.Forbidden forbidden) {
            Problems.send(ctx, 403, forbidden.message());
        } else if (outcome instanceof Panels.Failed failed) {
            Problems.send(ctx, 500, failed.message());
        }
    }

    private JsonNode body(Context ctx) {
        return JsonBodies.object(ctx, json);
    }
}
