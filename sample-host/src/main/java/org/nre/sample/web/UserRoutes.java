package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.sample.admin.Directory;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.web.JsonRequest.Field;
import org.nre.sample.web.JsonRequest.Type;

/** Console users, for administrators: their pages and the JSON API. */
final class UserRoutes {

    record UserJson(String id, String login, String firstName, String lastName, String displayName,
                    boolean administrator, boolean disabled, boolean mustChangePassword, String email,
                    List<String> groups, long version) {
    }

    private final Services services;
    private final Pages pages;
    private final ObjectMapper json;

    UserRoutes(Services services, Pages pages, ObjectMapper json) {
        this.services = services;
        this.pages = pages;
        this.json = json;
    }

    void register(Routes routes) {
        routes.get("/admin/users", Access.ADMINISTRATOR, this::users);
        routes.post("/admin/users", Access.ADMINISTRATOR, this::createUser);
        routes.get("/admin/users/{id}", Access.ADMINISTRATOR, this::user);
        routes.post("/admin/users/{id}", Access.ADMINISTRATOR, this::updateUser);
        routes.post("/admin/users/{id}/password", Access.ADMINISTRATOR, this::resetPassword);
        routes.get("/api/users", Access.ADMINISTRATOR, this::usersJson);
        routes.post("/api/users", Access.ADMINISTRATOR, this::createUserJson);
        routes.post("/api/users/{id}", Access.ADMINISTRATOR, this::updateUserJson);
        routes.post("/api/users/{id}/password", Access.ADMINISTRATOR, this::resetPasswordJson);
    }

    /** Users a page at a time, by name, or those a search finds: a district has thousands. */
    static final int PAGE = 50;

    private void users(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (query.length() > 100) {
            throw new Guard.Refusal(400, "A search takes at most 100 characters; shorten it.");
        }
        int from = 0;
        String fromText = ctx.queryParam("from");
        if (fromText != null && !fromText.isBlank()) {
            try {
                from = Integer.parseInt(fromText.strip());
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0) {
                throw new Guard.Refusal(400, "'from' must be a whole number of 0 or more, not '" + fromText + "'.");
            }
        }
        pages.render(ctx, "users.jte", Map.of("page", pages.page(ctx, "Users", ""),
                "users", services.toolRights().holders().findUsers(query, from, PAGE), "query", query));
    }

    private void createUser(Context ctx) {
        Map<String, String> form = AdminForms.form(ctx, "login", "first-name", "last-name", "email",
                "temporary-password");
        Directory.Outcome outcome = directory().createUser(Guard.viewer(ctx).user(), userForm(ctx, form));
        if (!outcome.done()) {
            form.remove("temporary-password");
            AdminForms.refuseAndGo(services, ctx, outcome, AdminForms.entered(ctx, form, "administrator"),
                    "/admin/users");
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), "/admin/users");
    }

    private void user(Context ctx) {
        Optional<Account> account = directory().users().byId(ctx.pathParam("id"));
        if (account.isEmpty()) {
            pages.error(ctx, 404, "Not found", "There is no such user.");
            return;
        }
        pages.render(ctx, "user.jte", Map.of("page", pages.page(ctx, account.get().displayName(), ""),
                "account", account.get(), "groups", directory().groups().all(),
                "version", directory().users().version(account.get().id()).orElseThrow().number()));
    }

    private void updateUser(Context ctx) {
        Map<String, String> form = AdminForms.form(ctx, "first-name", "last-name", "email");
        Directory.Outcome outcome = directory().updateUser(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                userForm(ctx, form), AdminForms.formVersion(ctx));
        String page = "/admin/users/" + ctx.pathParam("id");
        if (!outcome.done()) {
            AdminForms.refuseAndGo(services, ctx, outcome, AdminForms.entered(ctx, form, "administrator", "disabled"),
                    page);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), page);
    }

    private void resetPassword(Context ctx) {
        Directory.Outcome outcome = directory().resetPassword(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                Optional.ofNullable(ctx.formParam("temporary-password")).orElse(""));
        String page = "/admin/users/" + ctx.pathParam("id");
        if (!outcome.done()) {
            AdminForms.refuseAndGo(services, ctx, outcome, Map.of(), page);
            return;
        }
        AdminForms.flashAndGo(services, ctx, outcome.message(), page);
    }

    private Directory.UserForm userForm(Context ctx, Map<String, String> form) {
        return new Directory.UserForm(form.getOrDefault("login", ""), form.getOrDefault("first-name", ""),
                form.getOrDefault("last-name", ""), "on".equals(ctx.formParam("administrator")),
                "on".equals(ctx.formParam("disabled")), form.getOrDefault("temporary-password", ""),
                form.getOrDefault("email", ""));
    }

    private void usersJson(Context ctx) {
        // Each user's groups from one pass over the memberships, not a search of every group per user.
        Map<String, List<String>> groupsOf = new HashMap<>();
        for (Group g : directory().groups().all()) {
            g.memberIds().forEach(id -> groupsOf.computeIfAbsent(id, k -> new ArrayList<>()).add(g.id()));
        }
        Map<String, Long> versions = directory().users().versions();
        List<UserJson> users = new ArrayList<>();
        for (Account a : directory().users().all()) {
            users.add(new UserJson(a.id(), a.login(), a.firstName(), a.lastName(), a.displayName(), a.administrator(),
                    a.disabled(), a.mustChangePassword(), a.email(), groupsOf.getOrDefault(a.id(), List.of()),
                    versions.getOrDefault(a.id(), 1L)));
        }
        ctx.json(users);
    }

    private void createUserJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("login", Type.TEXT),
                Field.required("firstName", Type.TEXT), Field.required("lastName", Type.TEXT),
                Field.optional("administrator", Type.BOOLEAN), Field.optional("disabled", Type.BOOLEAN),
                Field.required("temporaryPassword", Type.TEXT), Field.optional("email", Type.TEXT));
        Directory.Outcome outcome = directory().createUser(Guard.viewer(ctx).user(), new Directory.UserForm(
                body.text("login"), body.text("firstName"), body.text("lastName"), body.bool("administrator", false),
                body.bool("disabled", false), body.text("temporaryPassword"), body.textOr("email", "")));
        AdminForms.answer(ctx, outcome, 201);
    }

    private void updateUserJson(Context ctx) {
        // Every field is required: a field left out must never mean "false" (once, an administrator demoted).
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE),
                Field.required("firstName", Type.TEXT), Field.required("lastName", Type.TEXT),
                Field.required("administrator", Type.BOOLEAN), Field.required("disabled", Type.BOOLEAN),
                Field.optional("email", Type.TEXT));
        // The address is the one field that may be left out: it stays as it is (clients older than it).
        Directory.Outcome outcome = directory().updateUser(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                new Directory.UserForm("", body.text("firstName"), body.text("lastName"),
                        body.bool("administrator", false), body.bool("disabled", false), "",
                        body.textOr("email", null)), body.whole("version"));
        AdminForms.answer(ctx, outcome, 200);
    }

    private void resetPasswordJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("temporaryPassword", Type.TEXT));
        AdminForms.answer(ctx, directory().resetPassword(Guard.viewer(ctx).user(), ctx.pathParam("id"),
                body.text("temporaryPassword")), 200);
    }

    private Directory directory() {
        return services.directory();
    }
}
