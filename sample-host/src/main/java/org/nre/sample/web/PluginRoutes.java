package org.nre.sample.web;

import io.javalin.http.Context;
import java.util.Map;
import org.nre.hostkit.audit.AuditStore;

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
        String message = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        AdminForms.flashAndGo(services, ctx, message, "/admin/plugins");
    }

    private void changePluginJson(Context ctx) {
        String message = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        ctx.json(new AdminForms.OutcomeJson(message, Map.of()));
    }

    private String changePlugin(Context ctx, String pluginId, String change) {
        var user = Guard.viewer(ctx).user();
        String by = user.displayName() + " (" + user.id() + ")";
        String message;
        try {
            message = switch (change) {
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
        services.audit().record(AuditStore.HOST_SOURCE, user, "plugin." + change, message);
        return message;
    }
}
