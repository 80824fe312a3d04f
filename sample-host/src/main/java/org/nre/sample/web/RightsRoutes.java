package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostkit.rights.Grant;
import org.nre.sample.directory.Account;
import org.nre.sample.rights.GrantImpact;
import org.nre.sample.rights.RightHolders;
import org.nre.sample.rights.ToolRights;
import org.nre.sample.web.JsonRequest.Field;
import org.nre.sample.web.JsonRequest.Type;

/**
 * Tool rights, for administrators: every right with its holders, one right's holders and grants with a search to
 * add a user or group, one user's effective rights, and the JSON API. A change that must be confirmed (see
 * {@link ToolRights}) leads to a page naming who would gain the right, and the API answers it with 428.
 */
final class RightsRoutes {

    /** Rows on a page of holders or of search results. */
    static final int PAGE = 25;
    private static final int MAX_API_PAGE = 500;

    record GroupGrantJson(String id, String name, long members, String levels) {
    }

    record RightJson(String id, String label, List<String> path, String description, List<String> levels,
                     String holderHint, boolean limitedHolders, int expectedHolders, String plugin,
                     Map<String, String> groups, Map<String, String> users, List<GroupGrantJson> groupGrants,
                     long holderCount, List<String> warnings, long version) {
    }

    record SourceJson(String type, String groupId, String groupName, String levels) {
    }

    record HolderJson(String id, String login, String displayName, String levels, List<SourceJson> sources) {
    }

    record HoldersJson(String right, long total, int offset, int limit, List<HolderJson> holders) {
    }

    record CandidateJson(String type, String id, String name, String detail, String direct, String holds) {
    }

    record CandidatesJson(String right, String query, long totalUsers, long totalGroups, int offset, int limit,
                          List<CandidateJson> groups, List<CandidateJson> users) {
    }

    record ImpactJson(int gainerCount, List<String> gainers, int holdersBefore, int holdersAfter,
                      int expectedHolders, List<String> reasons) {
    }

    record UserRightJson(String id, String label, List<String> path, String plugin, String levels,
                         List<SourceJson> sources) {
    }

    record UserRightsJson(String id, String login, String displayName, boolean administrator,
                          List<UserRightJson> rights) {
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
        routes.get("/admin/rights", Access.ADMINISTRATOR, this::rights);
        routes.get("/admin/rights/{right}", Access.ADMINISTRATOR, this::right);
        routes.post("/admin/rights/{right}/grants", Access.ADMINISTRATOR, this::change);
        routes.get("/admin/rights/{right}/confirm", Access.ADMINISTRATOR, this::confirm);
        routes.get("/admin/users/{id}/rights", Access.ADMINISTRATOR, this::userRights);
        routes.get("/api/rights", Access.ADMINISTRATOR, this::rightsJson);
        routes.get("/api/rights/{right}", Access.ADMINISTRATOR, this::rightJson);
        routes.get("/api/rights/{right}/holders", Access.ADMINISTRATOR, this::holdersJson);
        routes.get("/api/rights/{right}/candidates", Access.ADMINISTRATOR, this::candidatesJson);
        routes.post("/api/rights/{right}/grant", Access.ADMINISTRATOR, this::changeJson);
        routes.post("/api/rights/{right}/grants", Access.ADMINISTRATOR, this::replaceJson);
        routes.get("/api/users/{id}/rights", Access.ADMINISTRATOR, this::userRightsJson);
    }

    private ToolRights tool() {
        return services.toolRights();
    }

    private void rights(Context ctx) {
        pages.render(ctx, "rights.jte", Map.of("page", pages.page(ctx, "Tool rights", ""),
                "rights", tool().summaries(services.plugins().contributions())));
    }

    private ToolRights.Summary summary(Context ctx) {
        String rightId = ctx.pathParam("right");
        return tool().summary(services.plugins().contributions(), rightId).orElseThrow(() -> new Guard.Refusal(404,
                "There is no right '" + rightId + "' among the started plugins. The tool-rights page lists those "
                        + "there are."));
    }

    private void right(Context ctx) {
        ToolRights.Summary summary = summary(ctx);
        String rightId = summary.definition().id();
        String query = query(ctx);
        boolean everyone = "1".equals(ctx.queryParam("all"));
        boolean searching = everyone || !query.isBlank();
        RightHolders holders = tool().holders();
        RightHolders.Slice<RightHolders.Holder> held = holders.holders(rightId, summary.grants(),
                offset(ctx, "holders"), PAGE);
        RightHolders.Slice<Account> users = searching ? holders.findUsers(query, offset(ctx, "from"), PAGE)
                : new RightHolders.Slice<>(List.of(), 0, PAGE, 0);
        RightHolders.Slice<RightHolders.GroupRow> groups = searching
                ? holders.findGroups(query, offset(ctx, "groups"), PAGE) : new RightHolders.Slice<>(List.of(), 0, PAGE, 0);
        Map<String, List<RightHolders.Source>> sources = holders.sourcesOf(users.items().stream().map(Account::id)
                .toList(), summary.grants());
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page(ctx, summary.definition().label() + " - Tool rights", ""));
        model.put("summary", summary);
        model.put("held", held);
        model.put("users", users);
        model.put("groups", groups);
        model.put("sources", sources);
        model.put("query", query);
        model.put("everyone", everyone);
        model.put("searching", searching);
        model.put("self", Guard.viewer(ctx).account().id());
        model.put("base", "/admin/rights/" + encode(rightId));
        model.put("back", back(query, everyone));
        pages.render(ctx, "right.jte", model);
    }

    private void change(Context ctx) {
        String rightId = ctx.pathParam("right");
        Subject subject = subject(ctx.formParam("subject"));
        Set<Level> levels = EnumSet.noneOf(Level.class);
        // One checkbox per level, named level.R, level.W...: a form of many rows stays a flat map of fields.
        ctx.formParamMap().forEach((name, values) -> {
            if (name.startsWith("level.") && values.contains("on")) {
                levels.add(level(name.substring("level.".length())));
            }
        });
        long version = AdminForms.formVersion(ctx);
        boolean confirmed = "yes".equals(ctx.formParam("confirmed"));
        String back = back(query(ctx), "1".equals(ctx.formParam("all")));
        String page = "/admin/rights/" + encode(rightId);
        try {
            GrantImpact impact = tool().change(Guard.viewer(ctx).user(), services.plugins().contributions(), rightId,
                    subject.type(), subject.id(), levels, version, confirmed);
            AdminForms.flashAndGo(services, ctx, "Saved: " + subjectName(subject) + " now "
                    + (levels.isEmpty() ? "has no grant" : "has " + Grant.letters(closed(levels))) + " of this right"
                    + (impact.gainerCount() > 0 ? "; " + impact.gainerCount() + " gained it" : "") + ". "
                    + impact.holdersAfter() + (impact.holdersAfter() == 1 ? " person holds" : " people hold")
                    + " it. Changes apply at each user's next request.", page + back);
        } catch (ToolRights.Unconfirmed e) {
            ctx.redirect(page + "/confirm?subject=" + encode(subject.text()) + "&levels="
                    + encode(Grant.letters(levels)) + "&version=" + version + back.replace('?', '&'),
                    io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (ToolRights.Refused e) {
            AdminForms.flashAndGo(services, ctx, "danger", e.getMessage(), page + back);
        }
    }

    private void confirm(Context ctx) {
        ToolRights.Summary summary = summary(ctx);
        Subject subject = subject(ctx.queryParam("subject"));
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (char letter : String.valueOf(ctx.queryParam("levels") == null ? "" : ctx.queryParam("levels"))
                .toCharArray()) {
            levels.add(level(String.valueOf(letter)));
        }
        long version = parseLong(ctx.queryParam("version"));
        GrantImpact impact;
        try {
            impact = tool().impactOf(services.plugins().contributions(), summary.definition().id(), subject.type(),
                    subject.id(), levels);
        } catch (ToolRights.Refused e) {
            throw new Guard.Refusal(422, e.getMessage());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page(ctx, "Confirm the grant - Tool rights", ""));
        model.put("summary", summary);
        model.put("impact", impact);
        model.put("subject", subject.text());
        model.put("subjectName", subjectName(subject));
        model.put("levels", Grant.letters(closed(levels)));
        model.put("levelSet", List.copyOf(levels));
        model.put("version", version);
        model.put("query", query(ctx));
        model.put("all", "1".equals(ctx.queryParam("all")));
        model.put("back", "/admin/rights/" + encode(summary.definition().id()) + back(query(ctx),
                "1".equals(ctx.queryParam("all"))));
        pages.render(ctx, "grant-confirm.jte", model);
    }

    private void userRights(Context ctx) {
        Account account = services.directory().users().byId(ctx.pathParam("id")).orElseThrow(() -> new Guard.Refusal(
                404, "There is no user '" + ctx.pathParam("id") + "'. The users page lists those there are."));
        pages.render(ctx, "user-rights.jte", Map.of("page", pages.page(ctx, account.displayName() + " - Effective rights",
                ""), "account", account, "rights", tool().effective(services.plugins().contributions(), account.id())));
    }

    private void rightsJson(Context ctx) {
        List<RightJson> rights = new ArrayList<>();
        for (ToolRights.Summary summary : tool().summaries(services.plugins().contributions())) {
            rights.add(rightJson(summary));
        }
        ctx.json(rights);
    }

    private void rightJson(Context ctx) {
        ctx.json(rightJson(summary(ctx)));
    }

    private static RightJson rightJson(ToolRights.Summary summary) {
        RightDefinition d = summary.definition();
        List<String> levels = d.levels().stream().sorted().map(l -> String.valueOf(l.letter())).toList();
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, String> users = new LinkedHashMap<>();
        for (Grant grant : summary.grants()) {
            (grant.subject() == Grant.Subject.GROUP ? groups : users).put(grant.subjectId(), Grant.letters(grant.levels()));
        }
        List<GroupGrantJson> groupGrants = summary.groups().stream()
                .map(g -> new GroupGrantJson(g.id(), g.name(), g.members(), g.letters())).toList();
        return new RightJson(d.id(), d.label(), d.path(), d.description(), levels, d.holderHint(), d.limitedHolders(),
                d.expectedHolders(), summary.right().pluginId(), groups, users, groupGrants, summary.holders(),
                summary.warnings(), summary.version());
    }

    private void holdersJson(Context ctx) {
        ToolRights.Summary summary = summary(ctx);
        RightHolders.Slice<RightHolders.Holder> held = tool().holders().holders(summary.definition().id(),
                summary.grants(), offset(ctx, "offset"), limit(ctx));
        List<HolderJson> holders = held.items().stream().map(h -> new HolderJson(h.account().id(), h.account().login(),
                h.account().displayName(), h.letters(), sources(h.sources()))).toList();
        ctx.json(new HoldersJson(summary.definition().id(), held.total(), held.offset(), held.limit(), holders));
    }

    private void candidatesJson(Context ctx) {
        ToolRights.Summary summary = summary(ctx);
        String query = query(ctx);
        int offset = offset(ctx, "offset");
        int limit = limit(ctx);
        RightHolders holders = tool().holders();
        RightHolders.Slice<Account> users = holders.findUsers(query, offset, limit);
        RightHolders.Slice<RightHolders.GroupRow> groups = holders.findGroups(query, offset, limit);
        Map<String, List<RightHolders.Source>> sources = holders.sourcesOf(users.items().stream().map(Account::id)
                .toList(), summary.grants());
        List<CandidateJson> userRows = users.items().stream().map(a -> new CandidateJson("user", a.id(),
                a.displayName(), a.login(), Grant.letters(summary.direct(a.id())), a.disabled() ? ""
                : Grant.letters(RightHolders.union(sources.getOrDefault(a.id(), List.of()))))).toList();
        List<CandidateJson> groupRows = groups.items().stream().map(g -> new CandidateJson("group", g.id(), g.name(),
                g.members() + (g.members() == 1 ? " member" : " members"), Grant.letters(summary.group(g.id())),
                Grant.letters(summary.group(g.id())))).toList();
        ctx.json(new CandidatesJson(summary.definition().id(), query, users.total(), groups.total(), offset, limit,
                groupRows, userRows));
    }

    private void changeJson(Context ctx) {
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("subject", Type.TEXT),
                Field.required("levels", Type.TEXT), Field.required("version", Type.WHOLE),
                Field.optional("confirm", Type.BOOLEAN));
        Subject subject = subjectJson(body.text("subject"));
        Set<Level> levels = EnumSet.noneOf(Level.class);
        for (char letter : body.text("levels").toCharArray()) {
            levels.add(levelJson(letter, "levels", subject.text()));
        }
        answer(ctx, () -> tool().change(Guard.viewer(ctx).user(), services.plugins().contributions(),
                ctx.pathParam("right"), subject.type(), subject.id(), levels, body.whole("version"),
                body.bool("confirm", false)));
    }

    private void replaceJson(Context ctx) {
        // Both maps are required: leaving one out must never mean "take every grant of this kind away".
        JsonRequest body = JsonRequest.read(ctx, json, Field.required("version", Type.WHOLE),
                Field.required("groups", Type.LEVELS), Field.required("users", Type.LEVELS),
                Field.optional("confirm", Type.BOOLEAN));
        Map<String, Set<Level>> groups = levels(body.levels("groups"), "groups");
        Map<String, Set<Level>> users = levels(body.levels("users"), "users");
        answer(ctx, () -> tool().replace(Guard.viewer(ctx).user(), services.plugins().contributions(),
                ctx.pathParam("right"), groups, users, body.whole("version"), body.bool("confirm", false)));
    }

    private void answer(Context ctx, java.util.function.Supplier<GrantImpact> change) {
        try {
            change.get();
        } catch (ToolRights.Unconfirmed e) {
            Problems.send(ctx, 428, e.getMessage() + " Send the same request with \"confirm\": true to make it.",
                    Map.of("impact", impactJson(e.impact())));
            return;
        } catch (ToolRights.Stale e) {
            Problems.send(ctx, 409, e.getMessage());
            return;
        } catch (ToolRights.Refused e) {
            Problems.send(ctx, 422, e.getMessage());
            return;
        }
        ctx.json(rightJson(summary(ctx)));
    }

    private void userRightsJson(Context ctx) {
        Account account = services.directory().users().byId(ctx.pathParam("id")).orElseThrow(() -> new Guard.Refusal(
                404, "There is no user '" + ctx.pathParam("id") + "'; GET /api/users lists those there are."));
        List<UserRightJson> rights = tool().effective(services.plugins().contributions(), account.id()).stream()
                .map(r -> new UserRightJson(r.right().definition().id(), r.right().definition().label(),
                        r.right().definition().path(), r.right().pluginId(), r.letters(), sources(r.sources())))
                .toList();
        ctx.json(new UserRightsJson(account.id(), account.login(), account.displayName(), account.administrator(),
                rights));
    }

    private static ImpactJson impactJson(GrantImpact impact) {
        return new ImpactJson(impact.gainerCount(), impact.gainers().stream()
                .map(a -> a.displayName() + " (" + a.login() + ")").toList(), impact.holdersBefore(),
                impact.holdersAfter(), impact.expectedHolders(), impact.reasons());
    }

    private static List<SourceJson> sources(List<RightHolders.Source> sources) {
        return sources.stream().map(s -> new SourceJson(s.subject() == Grant.Subject.USER ? "direct" : "group",
                s.groupId(), s.groupName(), Grant.letters(s.levels()))).toList();
    }

    /** Whom a change is for: {@code user:<id>} or {@code group:<id>}. */
    private record Subject(Grant.Subject type, String id) {
        String text() {
            return (type == Grant.Subject.USER ? "user:" : "group:") + id;
        }
    }

    private static Subject parseSubject(String text) {
        if (text != null) {
            int colon = text.indexOf(':');
            String kind = colon < 0 ? "" : text.substring(0, colon);
            String id = colon < 0 ? "" : text.substring(colon + 1);
            if (!id.isBlank() && (kind.equals("user") || kind.equals("group"))) {
                return new Subject(kind.equals("user") ? Grant.Subject.USER : Grant.Subject.GROUP, id);
            }
        }
        return null;
    }

    private static Subject subject(String text) {
        Subject subject = parseSubject(text);
        if (subject == null) {
            throw new Guard.Refusal(400, "The form does not say whom the grant is for: reload the page and make your "
                    + "change again.");
        }
        return subject;
    }

    private static Subject subjectJson(String text) {
        Subject subject = parseSubject(text);
        if (subject == null) {
            throw new JsonRequest.Refused("Nothing was changed: 'subject' must be \"user:<id>\" or \"group:<id>\".",
                    Map.of("subject", "Use \"user:<id>\" or \"group:<id>\"."));
        }
        return subject;
    }

    private String subjectName(Subject subject) {
        if (subject.type() == Grant.Subject.USER) {
            return services.directory().users().byId(subject.id()).map(a -> a.displayName() + " (" + a.login() + ")")
                    .orElse(subject.id());
        }
        return "the group " + tool().holders().groupNames(List.of(subject.id())).getOrDefault(subject.id(),
                subject.id());
    }

    private static Set<Level> closed(Set<Level> levels) {
        EnumSet<Level> result = EnumSet.noneOf(Level.class);
        result.addAll(levels);
        if (!levels.isEmpty()) {
            result.add(Level.READ);
        }
        return result;
    }

    private static Level level(String letter) {
        try {
            return Level.parse(letter);
        } catch (HostApiException e) {
            throw new Guard.Refusal(400, "Level '" + letter + "' is unknown; use R, W, A or D.");
        }
    }

    private static Level levelJson(char letter, String field, String id) {
        try {
            return Level.parse(String.valueOf(letter));
        } catch (HostApiException e) {
            throw new JsonRequest.Refused("Nothing was changed: level '" + letter + "' in '" + field + "' for " + id
                    + " is unknown; use R, W, A or D.", Map.of(field, "Level '" + letter
                    + "' is unknown; use R, W, A or D."));
        }
    }

    private static Map<String, Set<Level>> levels(Map<String, String> letters, String field) {
        Map<String, Set<Level>> result = new HashMap<>();
        letters.forEach((id, text) -> {
            EnumSet<Level> set = EnumSet.noneOf(Level.class);
            for (char letter : text.toCharArray()) {
                set.add(levelJson(letter, field, id));
            }
            result.put(id, set);
        });
        return result;
    }

    private static String query(Context ctx) {
        String query = ctx.queryParam("q");
        if (query == null) {
            query = ctx.formParam("q");
        }
        query = query == null ? "" : query.strip();
        if (query.length() > 100) {
            throw new Guard.Refusal(400, "A search takes at most 100 characters; shorten it.");
        }
        return query;
    }

    /** The query string that brings an administrator back to the search they made the change from. */
    private static String back(String query, boolean everyone) {
        if (everyone) {
            return "?all=1" + (query.isBlank() ? "" : "&q=" + encode(query));
        }
        return query.isBlank() ? "" : "?q=" + encode(query);
    }

    private static int offset(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(text.strip());
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Guard.Refusal(400, "'" + name + "' must be a whole number of 0 or more, not '" + text + "'.");
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return PAGE;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_API_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Guard.Refusal(400, "'limit' must be a whole number from 1 to " + MAX_API_PAGE + ", not '" + text
                + "'.");
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Guard.Refusal(400, "The link does not say which version of the grants it changes: go back to "
                    + "the right's page and make your change again.");
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
