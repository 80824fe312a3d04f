package org.nre.sample.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.plugins.DisableImpact;
import org.nre.hostkit.plugins.PluginChange;

/**
 * The plugins page, for administrators: each plugin's state and problems, and enabling and disabling. Disabling
 * takes a tool away from everyone, so it is asked first: the console names what goes with the plugin and
 * disables it only once confirmed.
 */
final class PluginRoutes {
    private final Services services;
    private final Pages pages;
    private final ObjectMapper json = new ObjectMapper();

    PluginRoutes(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(Routes routes) {
        routes.get("/admin/plugins", Access.ADMINISTRATOR, this::plugins);
        routes.get("/admin/plugins/{id}/disable", Access.ADMINISTRATOR, this::askToDisable);
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
        if (unconfirmedDisable(ctx, "yes".equals(ctx.formParam("_confirmed")))) {
            // The question is a page of its own, so that a reload asks again instead of sending the form.
            ctx.redirect("/admin/plugins/" + RightsRoutes.encode(ctx.pathParam("id")) + "/disable",
                    io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        PluginChange outcome = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        // A change that left the plugin otherwise than asked (it did not start) is not shown as a success.
        AdminForms.flashAndGo(services, ctx, outcome.done() ? "success" : "danger", outcome.message(),
                "/admin/plugins");
    }

    private void askToDisable(Context ctx) {
        DisableImpact impact;
        try {
            impact = services.plugins().impact(ctx.pathParam("id"));
        } catch (org.nre.hostkit.plugins.PluginHost.UnknownPlugin e) {
            throw new Guard.Refusal(404, e.getMessage());
        }
        pages.render(ctx, "disable.jte", Map.of("page", pages.page(ctx, "Disable the plugin '" + impact.pluginId()
                + "'?", ""), "impact", impact));
    }

    private void changePluginJson(Context ctx) {
        boolean confirmed = false;
        if ("disable".equals(ctx.pathParam("change"))) {
            JsonNode body = JsonBodies.object(ctx, json);
            confirmed = body.path("_confirmed").asBoolean(false);
        }
        if (unconfirmedDisable(ctx, confirmed)) {
            DisableImpact impact = services.plugins().impact(ctx.pathParam("id"));
            Problems.send(ctx, 428, question(impact) + " Send the request again with \"_confirmed\": true to go "
                    + "ahead.", Map.of("plugin", impact.pluginId(), "tools", impact.tools(),
                    "dependents", impact.dependents()));
            return;
        }
        PluginChange outcome = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        ctx.status(outcome.done() ? 200 : 409).json(Map.of("message", outcome.message(), "state", outcome.state(),
                "done", outcome.done()));
    }

    /**
     * Whether this is a disable not yet confirmed: then nothing changes, the refusal is audited, and the caller
     * asks. An unknown plugin is refused as such first.
     */
    private boolean unconfirmedDisable(Context ctx, boolean confirmed) {
        if (!"disable".equals(ctx.pathParam("change")) || confirmed) {
            return false;
        }
        String pluginId = ctx.pathParam("id");
        DisableImpact impact;
        try {
            impact = services.plugins().impact(pluginId);
        } catch (org.nre.hostkit.plugins.PluginHost.UnknownPlugin e) {
            throw new Guard.Refusal(404, e.getMessage());
        }
        services.audit().record(AuditStore.HOST_SOURCE, Guard.viewer(ctx).user(), "plugin.disable.unconfirmed",
                "Not disabled '" + pluginId + "': not confirmed. " + question(impact));
        return true;
    }

    /** What disabling takes away, in one sentence for the API and the audit log. */
    static String question(DisableImpact impact) {
        String tools = impact.tools().isEmpty() ? "It contributes no menu entry or panel."
                : "For everyone, these tools disappear: " + String.join("; ", impact.tools()) + ".";
        String dependents = impact.dependents().isEmpty() ? "No started plugin depends on it."
                : "These plugins depend on it and stop with it: " + String.join(", ", impact.dependents()) + ".";
        return "Disabling the plugin '" + impact.pluginId() + "' needs a confirmation. " + tools + " " + dependents;
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
