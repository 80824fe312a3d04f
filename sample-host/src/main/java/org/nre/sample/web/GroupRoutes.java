package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.panel.FieldError;
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
        routes.get("/admin/groups", Access.ADMINISTRATOR, ctx -> groups(ctx, null, Map.of()));
        routes.post("/admin/groups", Access.ADMINISTRATOR, this::createGroup);
        routes.get("/admin/groups/{id}", Access.ADMINISTRATOR, ctx -> group(ctx, null));
        routes.post("/admin/groups/{id}", Access.ADMINISTRATOR, this::updateGroup);
        routes.post("/admin/groups/{id}/delete", Access.ADMINISTRATOR, this::deleteGroup);
        routes.get("/api/groups", Access.ADMINISTRATOR, this::groupsJson);
        routes.post("/api/groups", Access.ADMINISTRATOR, this::createGroupJson);
        routes.post("/api/groups/{id}", Access.ADMINISTRATOR, this::updateGroupJson);
        routes.post("/api/groups/{id}/delete", Access.ADMINISTRATOR, this::deleteGroupJson);
    }

    private void groups(Context ctx, Directory.Outcome outcome, Map<String, String> form) {
        pages.render(ctx, "groups.jte", Map.of("page", pages.page(ctx, "Groups", ""),
                "groups", directory().groups().all(), "users", directory().users().all(),
                "outcome", Optional.ofNullable(outcome), "form", form));
    }

    private void createGroup(Context ctx) {
        Map<String, String> form = AdminForms.form(ctx, "name", "description");
        Directory.Outcome outcome = directory().createGroup(Guard.viewer(ctx).user(), new Directory.GroupForm(
                form.getOrDefault("name", ""), form.getOrDefault("description", ""), ctx.formParams("members")));
        if (!outcome.done()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            groups(ctx, outcome, form);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), "/admin/groups");
    }

    private void group(Context ctx, Directory.Outcome outcome) {
        Optional<Group> group = directory().groups().byId(ctx.pathParam("id"));
        if (group.isEmpty()) {
            pages.error(ctx, 404, "Not found", "There is no such group.");
            return;
        }
        pages.render(ctx, "group.jte", Map.of("page", pages.page(ctx, group.get().name(), ""), "group", group.get(),
                "users", directory().users().all(), "outcome", Optional.ofNullable(outcome),
                "version", directory().groups().version(group.get().id()).orElseThrow().number()));
    }

    private void updateGroup(Context ctx) {
        Map<String, String> form = AdminForms.form(ctx, "name", "description");
        Directory.Outcome outcome = directory().updateGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                new Directory.GroupForm(form.getOrDefault("name", ""), form.getOrDefault("description", ""),
                        ctx.formParams("members")), AdminForms.formVersion(ctx));
        if (!outcome.done()) {
            ctx.status(outcome.stale() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
            group(ctx, outcome);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), "/admin/groups/" + ctx.pathParam("id"));
    }

    private void deleteGroup(Context ctx) {
        if (!"yes".equals(ctx.formParam("_confirmed"))) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            group(ctx, new Directory.Outcome("Tick the box to confirm the deletion.",
                    List.of(new FieldError("_confirmed", "Tick the box to confirm: the group's grants are removed too."))));
            return;
        }
        Directory.Outcome outcome = directory().deleteGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                AdminForms.formVersion(ctx));
        if (outcome.stale()) {
            ctx.status(HttpStatus.CONFLICT);
            group(ctx, outcome);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.done() ? outcome.message() : outcome.problems().get(0).message(),
                "/admin/groups");
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
