package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.sample.admin.Directory;
import org.nre.sample.directory.Group;
import org.nre.sample.web.JsonRequest.Field;
import org.nre.sample.web.JsonRequest.Type;

/** Groups of users, for administrators: their pages and the JSON API. */
final class GroupRoutes {

    record GroupJson(String id, String name, String description, List<String> members, long version) {
    }

    private final Services services;
    private final Pages pages;
    private final ObjectMapper json;

    GroupRoutes(Services services, Pages pages, ObjectMapper json) {
        this.services = services;
        this.pages = pages;
        this.json = json;
    }

    void register(Routes routes) {
        routes.get("/admin/groups", Access.ADMINISTRATOR, this::groups);
        routes.post("/admin/groups", Access.ADMINISTRATOR, this::createGroup);
        routes.get("/admin/groups/{id}", Access.ADMINISTRATOR, this::group);
        routes.post("/admin/groups/{id}", Access.ADMINISTRATOR, this::updateGroup);
        routes.post("/admin/groups/{id}/delete", Access.ADMINISTRATOR, this::deleteGroup);
        routes.get("/api/groups", Access.ADMINISTRATOR, this::groupsJson);
        routes.post("/api/groups", Access.ADMINISTRATOR, this::createGroupJson);
        routes.post("/api/groups/{id}", Access.ADMINISTRATOR, this::updateGroupJson);
        routes.post("/api/groups/{id}/delete", Access.ADMINISTRATOR, this::deleteGroupJson);
    }

    private void groups(Context ctx) {
        pages.render(ctx, "groups.jte", Map.of("page", pages.page(ctx, "Groups", ""),
                "groups", directory().groups().all(), "users", directory().users().all()));
    }

    private void createGroup(Context ctx) {
        Map<String, String> form = AdminForms.form(ctx, "name", "description");
        Directory.Outcome outcome = directory().createGroup(Guard.viewer(ctx).user(), new Directory.GroupForm(
                form.getOrDefault("name", ""), form.getOrDefault("description", ""), ctx.formParams("members")));
        if (!outcome.done()) {
            refuseAndGo(ctx, outcome, form, "/admin/groups");
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), "/admin/groups");
    }

    private void group(Context ctx) {
        Optional<Group> group = directory().groups().byId(ctx.pathParam("id"));
        if (group.isEmpty()) {
            pages.error(ctx, 404, "Not found", "There is no such group.");
            return;
        }
        pages.render(ctx, "group.jte", Map.of("page", pages.page(ctx, group.get().name(), ""), "group", group.get(),
                "users", directory().users().all(),
                "version", directory().groups().version(group.get().id()).orElseThrow().number()));
    }

    private void updateGroup(Context ctx) {
        Map<String, String> form = AdminForms.form(ctx, "name", "description");
        Directory.Outcome outcome = directory().updateGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                new Directory.GroupForm(form.getOrDefault("name", ""), form.getOrDefault("description", ""),
                        ctx.formParams("members"), "yes".equals(ctx.formParam(Directory.CONFIRM))),
                AdminForms.formVersion(ctx));
        String page = "/admin/groups/" + ctx.pathParam("id");
        if (!outcome.done()) {
            refuseAndGo(ctx, outcome, form, page);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), page);
    }

    private void deleteGroup(Context ctx) {
        String page = "/admin/groups/" + ctx.pathParam("id");
        if (!"yes".equals(ctx.formParam("_confirmed"))) {
            AdminForms.refuseAndGo(services, ctx, "danger", "Tick the box to confirm the deletion.",
                    KeptForm.of(Map.of(), Map.of("_confirmed",
                            "Tick the box to confirm: the group's grants are removed too.")), page);
            return;
        }
        Directory.Outcome outcome = directory().deleteGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                AdminForms.formVersion(ctx));
        if (outcome.stale()) {
            AdminForms.refuseAndGo(services, ctx, outcome, Map.of(), page);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.done() ? outcome.message() : outcome.problems().get(0).message(),
                "/admin/groups");
    }

    /** A refused group form: its text fields and the members ticked go back to the page with the errors. */
    private void refuseAndGo(Context ctx, Directory.Outcome outcome, Map<String, String> form, String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        if (outcome.stale()) {
            AdminForms.refuseAndGo(services, ctx, outcome, Map.of(), page);
            return;
        }
        Map<String, List<String>> entered = new LinkedHashMap<>();
        form.forEach((name, value) -> entered.put(name, List.of(value)));
        // An empty list still says "the form was sent with no member ticked".
        entered.put("members", ctx.formParams("members"));
        AdminForms.refuseAndGo(services, ctx, outcome.needsConfirmation() ? "warning" : "danger", outcome.message(),
                new KeptForm(entered, errors), page);
    }

    private void groupsJson(Context ctx) {
        Map<String, Long> versions = directory().groups().versions();
        ctx.json(directory().groups().all().stream().map(g -> new GroupJson(g.id(), g.name(), g.description(),
                g.memberIds(), versions.getOrDefault(g.id(), 1L))).toList());
    }

    private void createGroupJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("name", Type.TEXT),
                Field.optional("description", Type.TEXT), Field.optional("members", Type.TEXTS));
        Directory.Outcome outcome = directory().createGroup(Guard.viewer(ctx).user(), new Directory.GroupForm(
                body.text("name"), body.text("description"), body.texts("members")));
        AdminForms.answer(ctx, outcome, 201);
    }

    private void updateGroupJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE),
                Field.required("name", Type.TEXT), Field.required("description", Type.TEXT),
                Field.required("members", Type.TEXTS), Field.optional(Directory.CONFIRM, Type.BOOLEAN));
        Directory.Outcome outcome = directory().updateGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                new Directory.GroupForm(body.text("name"), body.text("description"), body.texts("members"),
                        body.bool(Directory.CONFIRM, false)), body.whole("version"));
        AdminForms.answer(ctx, outcome, 200);
    }

    private void deleteGroupJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE));
        AdminForms.answer(ctx, directory().deleteGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                body.whole("version")), 200);
    }

    private Directory directory() {
        return services.directory();
    }
}
