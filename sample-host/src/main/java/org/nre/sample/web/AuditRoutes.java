package org.nre.sample.web;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostkit.audit.ActionNames;
import org.nre.hostkit.audit.AuditPage;
import org.nre.hostkit.audit.AuditQuery;
import org.nre.hostkit.audit.AuditStore;

/**
 * The audit log, for administrators: filtered by user, action, outcome and time, a page at a time newest first,
 * and every matching entry as CSV; as a page and as JSON.
 */
final class AuditRoutes {

    static final int AUDIT_PAGE = AuditFilter.DEFAULT_LIMIT;
    static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** One entry as the JSON API gives it. */
    record EntryJson(long id, String at, String source, String sourceName, String actorId, String actorName,
                     String remoteAddress, String action, String actionName, AuditOutcome outcome, String detail) {
    }

    /** A page of entries and the cursor of the next older page, or null at the oldest. */
    record PageJson(List<EntryJson> entries, String next) {
    }

    private final Services services;
    private final Pages pages;

    AuditRoutes(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(Routes routes) {
        routes.get("/admin/audit", Access.ADMINISTRATOR, this::page);
        routes.get("/admin/audit.csv", Access.ADMINISTRATOR, ctx -> csv(ctx, false));
        routes.get("/api/audit", Access.ADMINISTRATOR, this::api);
        routes.get("/api/audit.csv", Access.ADMINISTRATOR, ctx -> csv(ctx, true));
    }

    private ActionNames names() {
        return new ActionNames(ConsoleActions.ALL, services.plugins().contributions());
    }

    private ZoneId zone() {
        return services.config().timeZone();
    }

    private void page(Context ctx) {
        AuditFilter filter = AuditFilter.read(ctx, zone());
        ActionNames names = names();
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page(ctx, "Audit log", ""));
        model.put("filter", filter);
        model.put("names", names);
        model.put("zone", zone());
        if (!filter.valid()) {
            ctx.status(400);
            ctx.attribute(Refusals.REASON, String.join(" ", filter.errors().values()));
        }
        model.put("result", filter.valid() ? services.audit().page(filter.query()) : null);
        pages.render(ctx, "audit.jte", model);
    }

    private void api(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("text/csv") && !accept.contains("application/json")) {
            csv(ctx, true);
            return;
        }
        AuditFilter filter = AuditFilter.read(ctx, zone());
        if (!filter.valid()) {
            refuse(ctx, filter);
            return;
        }
        ActionNames names = names();
        AuditPage page = services.audit().page(filter.query());
        ctx.json(new PageJson(page.entries().stream().map(e -> json(e, names)).toList(),
                page.older().map(AuditQuery.Cursor::token).orElse(null)));
    }

    private void csv(Context ctx, boolean api) {
        AuditFilter filter = AuditFilter.read(ctx, zone());
        if (!filter.valid()) {
            if (api) {
                refuse(ctx, filter);
            } else {
                page(ctx);
            }
            return;
        }
        ActionNames names = names();
        String file = "audit-log-" + FILE_TIME.format(java.time.Instant.now().atZone(zone())) + ".csv";
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.header("Cache-Control", "no-store");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(),
                StandardCharsets.UTF_8), 64 * 1024)) {
            AuditCsv csv = new AuditCsv(out, zone(), names);
            csv.header();
            services.audit().forEach(filter.query(), csv::entry);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void refuse(Context ctx, AuditFilter filter) {
        Problems.send(ctx, 400, "The audit log was not searched: " + String.join(" ", filter.errors().values()),
                Map.of("errors", filter.errors()));
    }

    private static EntryJson json(AuditStore.Entry e, ActionNames names) {
        return new EntryJson(e.id(), e.at().toString(), e.source(), names.sourceName(e.source()), e.actorId(),
                e.actorName(), e.remoteAddress(), e.action(), names.label(e.source(), e.action()), e.outcome(),
                e.detail());
    }
}
