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
import java.util.Optional;
import java.util.Set;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.rights.Level;
import org.nre.sample.admin.Directory;
import org.nre.sample.audit.AuditStore;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.rights.Grant;
import org.nre.sample.rights.RightsMatrix;
import org.nre.sample.web.JsonRequest.Field;
import org.nre.sample.web.JsonRequest.Type;

/** Users, groups, the tool-rights matrix and the audit log: pages and JSON API, for console administrators. */
final class AdminRoutes {

    static final int AUDIT_PAGE = 100;

    record UserJson(String id, String login, String firstName, String lastName, String displayName,
                    boolean administrator, boolean disabled, boolean mustChangePassword, List<String> groups,
                    long version) {
    }

    record GroupJson(String id, String name, String description, List<String> members, long version) {
    }

    record OutcomeJson(String message, Map<String, String> errors) {
    }

    record RightJson(String id, String label, List<String> path, String description, List<String> levels,
                     String holderHint, boolean limitedHolders, String plugin, Map<String, String> groups,
                     Map<String, String> users, List<String> holders, List<String> warnings, long version) {
    }

    private final Services services;
    private final Pages pages;
    private final ObjectMapper json;

    AdminRoutes(Services services, Pages pages, ObjectMapper json) {
        this.services = services;
        this.pages = pages;
        this.json = json;
    }

    void register(Routes routes) {
        routes.get("/admin/users", Access.ADMINISTRATOR, ctx -> users(ctx, null, Map.of()));
        routes.post("/admin/users", Access.ADMINISTRATOR, this::createUser);
        routes.get("/admin/users/{id}", Access.ADMINISTRATOR, ctx -> user(ctx, null));
        routes.post("/admin/users/{id}", Access.ADMINISTRATOR, this::updateUser);
        routes.post("/admin/users/{id}/password", Access.ADMINISTRATOR, this::resetPassword);
        routes.get("/admin/groups", Access.ADMINISTRATOR, ctx -> groups(ctx, null, Map.of()));
        routes.post("/admin/groups", Access.ADMINISTRATOR, this::createGroup);
        routes.get("/admin/groups/{id}", Access.ADMINISTRATOR, ctx -> group(ctx, null));
        routes.post("/admin/groups/{id}", Access.ADMINISTRATOR, this::updateGroup);
        routes.post("/admin/groups/{id}/delete", Access.ADMINISTRATOR, this::deleteGroup);
        routes.get("/admin/rights", Access.ADMINISTRATOR, ctx -> rights(ctx, ""));
        routes.post("/admin/rights/{right}", Access.ADMINISTRATOR, this::grant);
        routes.get("/admin/audit", Access.ADMINISTRATOR, this::audit);
        routes.get("/admin/plugins", Access.ADMINISTRATOR, this::plugins);
        routes.post("/admin/plugins/{id}/{change}", Access.ADMINISTRATOR, this::changePlugin);
        routes.post("/api/plugins/{id}/{change}", Access.ADMINISTRATOR, this::changePluginJson);

        routes.get("/api/users", Access.ADMINISTRATOR, this::usersJson);
        routes.post("/api/users", Access.ADMINISTRATOR, this::createUserJson);
        routes.post("/api/users/{id}", Access.ADMINISTRATOR, this::updateUserJson);
        routes.post("/api/users/{id}/password", Access.ADMINISTRATOR, this::resetPasswordJson);
        routes.get("/api/groups", Access.ADMINISTRATOR, this::groupsJson);
        routes.post("/api/groups", Access.ADMINISTRATOR, this::createGroupJson);
        routes.post("/api/groups/{id}", Access.ADMINISTRATOR, this::updateGroupJson);
        routes.post("/api/groups/{id}/delete", Access.ADMINISTRATOR, this::deleteGroupJson);
        routes.get("/api/rights", Access.ADMINISTRATOR, this::rightsJson);
        routes.post("/api/rights/{right}/grants", Access.ADMINISTRATOR, this::grantJson);
        routes.get("/api/audit", Access.ADMINISTRATOR, this::auditJson);
    }

    // ------------------------------------------------------------------ users

    private void users(Context ctx, Directory.Outcome outcome, Map<String, String> form) {
        pages.render(ctx, "users.jte", Map.of("page", pages.page(ctx, "Users", ""),
                "users", directory().users().all(), "outcome", Optional.ofNullable(outcome), "form", form));
    }

    private void createUser(Context ctx) {
        Map<String, String> form = form(ctx, "login", "first-name", "last-name", "temporary-password");
        Directory.Outcome outcome = directory().createUser(Guard.viewer(ctx).user(), userForm(ctx, form));
        if (!outcome.done()) {
            form.remove("temporary-password");
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            users(ctx, outcome, form);
            return;
        }
        flashAndGo(ctx, outcome.message(), "/admin/users");
    }

    private void user(Context ctx, Directory.Outcome outcome) {
        Optional<Account> account = directory().users().byId(ctx.pathParam("id"));
        if (account.isEmpty()) {
            pages.error(ctx, 404, "Not found", "There is no such user.");
            return;
        }
        pages.render(ctx, "user.jte", Map.of("page", pages.page(ctx, account.get().displayName(), ""),
                "account", account.get(), "groups", directory().groups().all(),
                "outcome", Optional.ofNullable(outcome),
                "version", directory().users().version(account.get().id()).orElseThrow().number()));
    }

    private void updateUser(Context ctx) {
        Directory.Outcome outcome = directory().updateUser(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                userForm(ctx, form(ctx, "first-name", "last-name")), formVersion(ctx));
        if (!outcome.done()) {
            ctx.status(outcome.stale() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
            user(ctx, outcome);
            return;
        }
        flashAndGo(ctx, outcome.message(), "/admin/users/" + ctx.pathParam("id"));
    }

    private void resetPassword(Context ctx) {
        Directory.Outcome outcome = directory().resetPassword(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                Optional.ofNullable(ctx.formParam("temporary-password")).orElse(""));
        if (!outcome.done()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            user(ctx, outcome);
            return;
        }
        flashAndGo(ctx, outcome.message(), "/admin/users/" + ctx.pathParam("id"));
    }

    private Directory.UserForm userForm(Context ctx, Map<String, String> form) {
        return new Directory.UserForm(form.getOrDefault("login", ""), form.getOrDefault("first-name", ""),
                form.getOrDefault("last-name", ""), "on".equals(ctx.formParam("administrator")),
                "on".equals(ctx.formParam("disabled")), form.getOrDefault("temporary-password", ""));
    }

    // ------------------------------------------------------------------ groups

    private void groups(Context ctx, Directory.Outcome outcome, Map<String, String> form) {
        pages.render(ctx, "groups.jte", Map.of("page", pages.page(ctx, "Groups", ""),
                "groups", directory().groups().all(), "users", directory().users().all(),
                "outcome", Optional.ofNullable(outcome), "form", form));
    }

    private void createGroup(Context ctx) {
        Map<String, String> form = form(ctx, "name", "description");
        Directory.Outcome outcome = directory().createGroup(Guard.viewer(ctx).user(), new Directory.GroupForm(
                form.getOrDefault("name", ""), form.getOrDefault("description", ""), ctx.formParams("members")));
        if (!outcome.done()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            groups(ctx, outcome, form);
            return;
        }
        flashAndGo(ctx, outcome.message(), "/admin/groups");
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
        Map<String, String> form = form(ctx, "name", "description");
        Directory.Outcome outcome = directory().updateGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                new Directory.GroupForm(form.getOrDefault("name", ""), form.getOrDefault("description", ""),
                        ctx.formParams("members")), formVersion(ctx));
        if (!outcome.done()) {
            ctx.status(outcome.stale() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
            group(ctx, outcome);
            return;
        }
        flashAndGo(ctx, outcome.message(), "/admin/groups/" + ctx.pathParam("id"));
    }

    private void deleteGroup(Context ctx) {
        if (!"yes".equals(ctx.formParam("_confirmed"))) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            group(ctx, new Directory.Outcome("Tick the box to confirm the deletion.",
                    List.of(new FieldError("_confirmed", "Tick the box to confirm: the group's grants are removed too."))));
            return;
        }
        Directory.Outcome outcome = directory().deleteGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                formVersion(ctx));
        if (outcome.stale()) {
            ctx.status(HttpStatus.CONFLICT);
            group(ctx, outcome);
            return;
        }
        flashAndGo(ctx, outcome.done() ? outcome.message() : outcome.problems().get(0).message(), "/admin/groups");
    }

    // ------------------------------------------------------------------ rights

    private void rights(Context ctx, String error) {
        pages.render(ctx, "rights.jte", Map.of("page", pages.page(ctx, "Tool rights", ""),
                "rows", services.matrix().rows(services.plugins().contributions()),
                "groups", directory().groups().all(), "users", directory().users().all(), "error", error));
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
                    groupLevels, userLevels, formVersion(ctx));
        } catch (RightsMatrix.Refused e) {
            ctx.status(e instanceof RightsMatrix.Stale ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT);
            rights(ctx, e.getMessage());
            return;
        }
        flashAndGo(ctx, "Saved the grants. They apply at each user's next request.", "/admin/rights");
    }

    private static Level level(String letter) {
        try {
            return Level.parse(letter);
        } catch (org.nre.hostapi.HostApiException e) {
            throw new Guard.Refusal(400, "Level '" + letter + "' is unknown; use R, W, A or D.");
        }
    }

    // ------------------------------------------------------------------ audit

    private void audit(Context ctx) {
        pages.render(ctx, "audit.jte", Map.of("page", pages.page(ctx, "Audit log", ""),
                "entries", services.audit().newest(AUDIT_PAGE), "zone", services.config().timeZone()));
    }

    // ------------------------------------------------------------------ plugins

    private void plugins(Context ctx) {
        pages.render(ctx, "plugins.jte", Map.of("page", pages.page(ctx, "Plugins", ""),
                "plugins", services.plugins().statuses(),
                "folder", services.plugins().pluginsDir().toString(),
                "development", services.plugins().development()));
    }

    private void changePlugin(Context ctx) {
        String message = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        flashAndGo(ctx, message, "/admin/plugins");
    }

    private void changePluginJson(Context ctx) {
        String message = changePlugin(ctx, ctx.pathParam("id"), ctx.pathParam("change"));
        ctx.json(new OutcomeJson(message, Map.of()));
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
        } catch (org.nre.sample.plugins.PluginHost.UnknownPlugin e) {
            throw new Guard.Refusal(404, e.getMessage());
        }
        services.audit().record(AuditStore.HOST_SOURCE, user, "plugin." + change, message);
        return message;
    }

    // ------------------------------------------------------------------ JSON

    private void usersJson(Context ctx) {
        List<Group> groups = directory().groups().all();
        Map<String, Long> versions = directory().users().versions();
        List<UserJson> users = new ArrayList<>();
        for (Account a : directory().users().all()) {
            users.add(new UserJson(a.id(), a.login(), a.firstName(), a.lastName(), a.displayName(), a.administrator(),
                    a.disabled(), a.mustChangePassword(), groups.stream().filter(g -> g.memberIds().contains(a.id()))
                    .map(Group::id).toList(), versions.getOrDefault(a.id(), 1L)));
        }
        ctx.json(users);
    }

    private void createUserJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("login", Type.TEXT),
                Field.required("firstName", Type.TEXT), Field.required("lastName", Type.TEXT),
                Field.optional("administrator", Type.BOOLEAN), Field.optional("disabled", Type.BOOLEAN),
                Field.required("temporaryPassword", Type.TEXT));
        answer(ctx, directory().createUser(Guard.viewer(ctx).user(), new Directory.UserForm(body.text("login"),
                body.text("firstName"), body.text("lastName"), body.bool("administrator", false),
                body.bool("disabled", false), body.text("temporaryPassword"))), 201);
    }

    private void updateUserJson(Context ctx) {
        // Every field is required: a field left out must never mean "false" (once, an administrator demoted).
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE),
                Field.required("firstName", Type.TEXT), Field.required("lastName", Type.TEXT),
                Field.required("administrator", Type.BOOLEAN), Field.required("disabled", Type.BOOLEAN));
        answer(ctx, directory().updateUser(Guard.viewer(ctx).user(), ctx.pathParam("id"), new Directory.UserForm("",
                body.text("firstName"), body.text("lastName"), body.bool("administrator", false),
                body.bool("disabled", false), ""), body.whole("version")), 200);
    }

    private void resetPasswordJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("temporaryPassword", Type.TEXT));
        answer(ctx, directory().resetPassword(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                body.text("temporaryPassword")), 200);
    }

    private void groupsJson(Context ctx) {
        Map<String, Long> versions = directory().groups().versions();
        ctx.json(directory().groups().all().stream().map(g -> new GroupJson(g.id(), g.name(), g.description(),
                g.memberIds(), versions.getOrDefault(g.id(), 1L))).toList());
    }

    private void createGroupJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("name", Type.TEXT),
                Field.optional("description", Type.TEXT), Field.optional("members", Type.TEXTS));
        answer(ctx, directory().createGroup(Guard.viewer(ctx).user(), new Directory.GroupForm(body.text("name"),
                body.text("description"), body.texts("members"))), 201);
    }

    private void updateGroupJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE),
                Field.required("name", Type.TEXT), Field.required("description", Type.TEXT),
                Field.required("members", Type.TEXTS));
        answer(ctx, directory().updateGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"), new Directory.GroupForm(
                body.text("name"), body.text("description"), body.texts("members")), body.whole("version")), 200);
    }

    private void deleteGroupJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE));
        answer(ctx, directory().deleteGroup(Guard.viewer(ctx).user(), ctx.pathParam("id"), body.whole("version")),
                200);
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

    private void auditJson(Context ctx) {
        int limit = Math.max(1, Math.min(1000, parseInt(ctx.queryParam("limit"), AUDIT_PAGE)));
        List<AuditStore.Entry> entries = services.audit().newest(limit);
        ctx.json(entries);
    }

    // ------------------------------------------------------------------ helpers

    private Directory directory() {
        return services.directory();
    }

    private void answer(Context ctx, Directory.Outcome outcome, int status) {
        if (outcome.stale()) {
            Problems.send(ctx, 409, outcome.message());
            return;
        }
        if (outcome.done()) {
            ctx.status(status).json(new OutcomeJson(outcome.message(), Map.of()));
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        ctx.status(422).json(new OutcomeJson(outcome.message(), errors));
    }

    private void flashAndGo(Context ctx, String message, String path) {
        services.accounts().sessions().flash(Guard.viewer(ctx).session().tokenHash(), "success", message);
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    private static Map<String, String> form(Context ctx, String... names) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : names) {
            form.put(name, Optional.ofNullable(ctx.formParam(name)).orElse(""));
        }
        return form;
    }

    /** The version a form's change was based on, from its hidden field. */
    private static long formVersion(Context ctx) {
        String text = ctx.formParam("version");
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Guard.Refusal(400, "The form does not say which version it changes: reload the page and make "
                    + "your change again.");
        }
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

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
