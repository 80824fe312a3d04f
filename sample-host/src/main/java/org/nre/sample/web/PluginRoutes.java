package org.nre.sample.web;

import io.javalin.http.Context;
import java.util.Map;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.plugins.PluginChange;

/** The plugins page, for administrators: each plugin's state and problems, and enabling and disabling. */
final class PluginRoutes {
    private final Services services;
    private final Pages pages;

    PluginRoutes(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(Routes routes) {
        routes.get("/admin/plugins", Access.ADMINISTRATOR, this::plugins);
        routes.post("/admin/plugins/{id}/{change}", Access.ADMINISTRATOR, this::changePlugin);
        routes.post("/api/plugins/{id}/{change}", Access.ADMINISTRATOR, this::changePluginJson);
    }

    private void plugins(Context ctx) {
        pages.render(ctx, "plugins.jte", Map.of("page", pages.page(ctx, "Plugins", ""),
                "plugins", services.plugins().statuses(),
                "folder", services.plugins().pluginsDir().toString(),
                "development", services.plugins().development()));
    }

    private void changePlugin(Context ctx) {
        PluginChange outcome = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        // A change that left the plugin otherwise than asked (it did not start) is not shown as a success.
        AdminForms.flashAndGo(services, ctx, outcome.done() ? "success" : "danger", outcome.message(),
                "/admin/plugins");
    }

    private void changePluginJson(Context ctx) {
        PluginChange outcome = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        ctx.status(outcome.done() ? 200 : 409).json(Map.of("message", outcome.message(), "state", outcome.state(),
                "done", outcome.done()));
    }

    private PluginChange changePlugin(Context ctx, String pluginId, String change) {
        var user = Guard.viewer(ctx).user();
        String by = user.displayName() + " (" + user.id() + ")";
        PluginChange outcome;
        try {
            outcome = switch (change) {
                case "enable" -> services.plugins().enable(pluginId, by);
                case "disable" -> services.plugins().disable(pluginId, by);
                case "reload" -> {
                    if (!services.plugins().development()) {
                        throw new Guard.Refusal(409, "Plugins can be reloaded only when the console runs in "
                                + "development mode (--dev-plugins).");
                    }
                    yield services.plugins().reload(pluginId);
                }
                default -> throw new Guard.Refusal(404, "A plugin can be enabled, disabled or reloaded; '" + change
                        + "' is none of these.");
            };
        } catch (org.nre.hostkit.plugins.PluginHost.UnknownPlugin e) {
            throw new Guard.Refusal(404, e.getMessage());
        }
        services.audit().record(AuditStore.HOST_SOURCE, user, "plugin." + change, outcome.message());
        return outcome;
    }
}
