package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.rights.Grant;
import org.nre.sample.rights.RightsMatrix;
import org.nre.sample.web.JsonRequest.Field;
import org.nre.sample.web.JsonRequest.Type;

/** The tool-rights matrix, for administrators: its page, its forms and the JSON API. */
final class RightsRoutes {

    record RightJson(String id, String label, List<String> path, String description, List<String> levels,
                     String holderHint, boolean limitedHolders, String plugin, Map<String, String> groups,
                     Map<String, String> users, List<String> holders, List<String> warnings, long version) {
    }

    private final Services services;
    private final Pages pages;
    private final ObjectMapper json;

    RightsRoutes(Services services, Pages pages, ObjectMapper json) {
        this.services = services;
        this.pages = pages;
        this.json = json;
    }

    void register(Routes routes) {
        routes.get("/admin/rights", Access.ADMINISTRATOR, ctx -> rights(ctx, ""));
        routes.post("/admin/rights/{right}", Access.ADMINISTRATOR, this::grant);
        routes.get("/api/rights", Access.ADMINISTRATOR, this::rightsJson);
        routes.post("/api/rights/{right}/grants", Access.ADMINISTRATOR, this::grantJson);
    }

    private void rights(Context ctx, String error) {
        pages.render(ctx, "rights.jte", Map.of("page", pages.page(ctx, "Tool rights", ""),
                "rows", services.matrix().rows(services.plugins().contributions()),
                "groups", services.directory().groups().all(), "users", services.directory().users().all(),
                "error", error));
    }

    private void grant(Context ctx) {
        Map<String, Set<Level>> groupLevels = new HashMap<>();
        Map<String, Set<Level>> userLevels = new HashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            String[] parts = name.split("\\.", 3);
            if (parts.length != 3 || !values.contains("on")) {
                return;
            }
            Map<String, Set<Level>> target = parts[0].equals("g") ? groupLevels : parts[0].equals("u") ? userLevels : null;
            if (target != null) {
                target.computeIfAbsent(parts[1], k -> EnumSet.noneOf(Level.class)).add(level(parts[2]));
            }
        });
        try {
            services.matrix().grant(Guard.viewer(ctx).user(), services.plugins().contributions(), ctx.pathParam("right"),
                    groupLevels, userLevels, AdminForms.formVersion(ctx));
        } catch (RightsMatrix.Refused e) {
            ctx.status(e instanceof RightsMatrix.Stale ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
            rights(ctx, e.getMessage());
            return;
        }
        AdminForms.flashAndGo(services, ctx, "Saved the grants. They apply at each user's next request.",
                "/admin/rights");
    }

    private static Level level(String letter) {
        try {
            return Level.parse(letter);
        } catch (org.nre.hostapi.HostApiException e) {
            throw new Guard.Refusal(400, "Level '" + letter + "' is unknown; use R, W, A or D.");
        }
    }

    private void rightsJson(Context ctx) {
        List<RightJson> rights = new ArrayList<>();
        for (RightsMatrix.Row row : services.matrix().rows(services.plugins().contributions())) {
            var d = row.right().definition();
            List<String> levels = d.levels().stream().sorted().map(l -> String.valueOf(l.letter())).toList();
            Map<String, String> groups = new LinkedHashMap<>();
            row.groups().forEach((id, l) -> groups.put(id, Grant.letters(l)));
            Map<String, String> users = new LinkedHashMap<>();
            row.users().forEach((id, l) -> users.put(id, Grant.letters(l)));
            rights.add(new RightJson(d.id(), d.label(), d.path(), d.description(), levels, d.holderHint(),
                    d.limitedHolders(), row.right().pluginId(), groups, users, row.holders().stream().sorted().toList(),
                    row.warnings(), row.version()));
        }
        ctx.json(rights);
    }

    private void grantJson(Context ctx) {
        // Both maps are required: leaving one out must never mean "take every grant of this kind away".
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE),
                Field.required("groups", Type.LEVELS), Field.required("users", Type.LEVELS));
        try {
            services.matrix().grant(Guard.viewer(ctx).user(), services.plugins().contributions(), ctx.pathParam("right"),
                    levels(body.levels("groups"), "groups"), levels(body.levels("users"), "users"),
                    body.whole("version"));
        } catch (RightsMatrix.Stale e) {
            Problems.send(ctx, 409, e.getMessage());
            return;
        } catch (RightsMatrix.Refused e) {
            Problems.send(ctx, 422, e.getMessage());
            return;
        }
        rightsJson(ctx);
    }

    private static Map<String, Set<Level>> levels(Map<String, String> letters, String field) {
        Map<String, Set<Level>> result = new HashMap<>();
        letters.forEach((id, text) -> {
            EnumSet<Level> set = EnumSet.noneOf(Level.class);
            for (char letter : text.toCharArray()) {
                try {
                    set.add(Level.parse(String.valueOf(letter)));
                } catch (org.nre.hostapi.HostApiException e) {
                    throw new JsonRequest.Refused("Nothing was changed: level '" + letter + "' in '" + field + "' for "
                            + id + " is unknown; use R, W, A or D.", Map.of(field, "Level '" + letter
                            + "' is unknown; use R, W, A or D."));
                }
            }
            result.put(id, set);
        });
        return result;
    }
}
