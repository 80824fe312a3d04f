package org.nre.sample.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.nre.hostkit.HostKitException;
import org.nre.hostkit.notice.MailStatus;
import org.nre.hostkit.notice.NoticeBoard;
import org.nre.hostkit.notice.ShownNotice;

/** The viewer's notices: the notices page, hiding one, and the same through the JSON API. */
final class NoticeRoutes {

    /** A notice in the JSON API; every text is the plugin's, plain. */
    record NoticeJson(long id, String plugin, String key, String severity, String title, String text,
                      Instant deadline, String panel, String href, Instant openedAt, Instant updatedAt,
                      boolean dismissible) {

        static NoticeJson of(ShownNotice notice, NoticeView view) {
            return new NoticeJson(notice.id(), notice.pluginId(), notice.key(), notice.severity().name(),
                    notice.title(), notice.text(), notice.deadline(), notice.panelId(),
                    view.href().isEmpty() ? null : view.href(), notice.openedAt(), notice.updatedAt(),
                    notice.dismissible());
        }
    }

    private final Services services;
    private final Pages pages;

    NoticeRoutes(Services services, Pages pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(Routes routes) {
        routes.get("/notices", Access.SIGNED_IN, this::notices);
        routes.post("/notices/{id}/dismiss", Access.SIGNED_IN, this::dismiss);
        routes.get("/api/notices", Access.SIGNED_IN, this::noticesJson);
        routes.post("/api/notices/{id}/dismiss", Access.SIGNED_IN, this::dismissJson);
        routes.get("/api/admin/notices", Access.ADMINISTRATOR, this::everyNoticeJson);
    }

    private void everyNoticeJson(Context ctx) {
        NoticeBoard board = services.kit().notices();
        List<NoticeJson> notices = board.open().stream().map(n -> NoticeJson.of(n, NoticeView.of(n,
                services.plugins().contributions(), services.config().timeZone()))).toList();
        MailStatus status = board.mailStatus();
        Map<String, Object> mail = new java.util.LinkedHashMap<>();
        mail.put("configured", status.configured());
        mail.put("lastSent", status.lastSentAt());
        mail.put("waiting", status.waiting());
        mail.put("givenUp", status.givenUp());
        List<Map<String, Object>> problems = board.deliveryProblems().stream().map(p -> {
            Map<String, Object> problem = new java.util.LinkedHashMap<>();
            problem.put("title", p.noticeTitle());
            problem.put("address", p.address());
            problem.put("attempts", p.attempts());
            problem.put("lastError", p.lastError());
            problem.put("lastAttemptAt", p.lastAttemptAt());
            problem.put("nextAttemptAt", p.nextAttemptAt());
            return problem;
        }).toList();
        ctx.json(Map.of("notices", notices, "mail", mail, "deliveryProblems", problems));
    }

    private void notices(Context ctx) {
        Page page = pages.page(ctx, "Notices", "");
        Viewer viewer = Guard.viewer(ctx);
        NoticeBoard board = services.kit().notices();
        List<NoticeView> everyone = viewer.administrator() ? NoticeView.of(board.open(),
                services.plugins().contributions(), services.config().timeZone()) : List.of();
        MailView mail = viewer.administrator() ? MailView.of(board.mailStatus(), board.deliveryProblems(),
                services.config().timeZone()) : MailView.NONE;
        pages.render(ctx, "notices.jte", Map.of("page", page, "notices", page.notices().all(), "everyone", everyone,
                "mail", mail));
    }

    private void dismiss(Context ctx) {
        Dismissal outcome = dismissal(ctx);
        AdminForms.flashAndGo(services, ctx, outcome.status() == 200 ? "success" : "warning", outcome.message(),
                "/notices");
    }

    private void noticesJson(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        List<ShownNotice> notices = services.kit().notices().openFor(viewer.user().id(), viewer.user().rights());
        List<NoticeJson> shown = notices.stream().map(n -> NoticeJson.of(n, NoticeView.of(n,
                services.plugins().contributions(), services.config().timeZone()))).toList();
        ctx.json(Map.of("notices", shown));
    }

    private void dismissJson(Context ctx) {
        Dismissal outcome = dismissal(ctx);
        if (outcome.status() == 200) {
            ctx.json(Map.of("message", outcome.message()));
        } else {
            Problems.send(ctx, outcome.status(), outcome.message());
        }
    }

    private record Dismissal(int status, String message) {
    }

    /** Hides the notice for the viewer, when it is one of theirs and not critical. */
    private Dismissal dismissal(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            return refused(ctx, 404, "There is no notice '" + ctx.pathParam("id") + "'.");
        }
        // Only a notice addressed to the viewer: the id of someone else's is as unknown as a made-up one.
        boolean theirs = services.kit().notices().openFor(viewer.user().id(), viewer.user().rights()).stream()
                .anyMatch(n -> n.id() == id);
        if (!theirs) {
            return refused(ctx, 404, "There is no open notice " + id + " for you: it may have been dealt with "
                    + "already. The notices page lists those there are.");
        }
        try {
            services.kit().notices().dismiss(viewer.user().id(), id);
        } catch (HostKitException e) {
            return refused(ctx, 409, "This notice needs action now, so it stays until it is dealt with: "
                    + "follow its link to deal with it.");
        }
        return new Dismissal(200, "The notice is hidden. It comes back if it becomes critical.");
    }

    private static Dismissal refused(Context ctx, int status, String message) {
        ctx.attribute(Refusals.REASON, message);
        return new Dismissal(status, message);
    }
}
