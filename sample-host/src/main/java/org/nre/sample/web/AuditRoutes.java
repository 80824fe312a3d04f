package org.nre.sample.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.nre.hostkit.audit.AuditStore;

/** The audit log, for administrators: newest first, as a page and as JSON. */
final class AuditRoutes {

    static final int AUDIT_PAGE = 100;

    private final Services services;
    private final Pages pages;

    AuditRoutes(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(Routes routes) {
        routes.get("/admin/audit", Access.ADMINISTRATOR, this::audit);
        routes.get("/api/audit", Access.ADMINISTRATOR, this::auditJson);
    }

    private void audit(Context ctx) {
        pages.render(ctx, "audit.jte", Map.of("page", pages.page(ctx, "Audit log", ""),
                "entries", services.audit().newest(AUDIT_PAGE), "zone", services.config().timeZone()));
    }

    private void auditJson(Context ctx) {
        int limit = Math.max(1, Math.min(1000, parseInt(ctx.queryParam("limit"), AUDIT_PAGE)));
        List<AuditStore.Entry> entries = services.audit().newest(limit);
        ctx.json(entries);
    }

    private static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
