package org.nre.sample.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.nre.hostkit.db.StorageException;
import org.nre.hostkit.menu.MenuTree;
import org.nre.sample.auth.SessionStore;

/** Renders pages from the precompiled JTE templates, which escape every value by default. */
final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Services services;

    Pages(Services services) {
        this.services = services;
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        ctx.html(rendered(template, params));
    }

    String rendered(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }

    /** The layout's model for the viewer, taking any message the last change left for this page. */
    Page page(Context ctx, String title, String currentPanelId) {
        return page(ctx, title, currentPanelId, true);
    }

    /** The layout's model; a page fetched by a script leaves the message for the next full page. */
    Page page(Context ctx, String title, String currentPanelId, boolean takeFlash) {
        Viewer viewer = Guard.viewer(ctx);
        if (viewer == null) {
            return new Page(title, services.productName(), null, List.of(), currentPanelId, "", "", KeptForm.NONE,
                    NoticeBadge.NONE);
        }
        List<MenuTree.Node> menu = viewer.account().mustChangePassword()
                ? List.of() : MenuTree.forUser(services.plugins().contributions(), viewer.user().rights());
        // The session query already said whether a message waits, so most pages ask nothing more.
        SessionStore.Flash flash = takeFlash && viewer.session().flashWaiting()
                ? services.accounts().sessions().takeFlash(viewer.session().tokenHash()).orElse(new SessionStore.Flash("", ""))
                : new SessionStore.Flash("", "");
        NoticeBadge notices = viewer.account().mustChangePassword() ? NoticeBadge.NONE
                : new NoticeBadge(notices(viewer));
        return new Page(title, services.productName(), viewer, menu, currentPanelId, flash.tone(), flash.text(),
                KeptForm.fromJson(flash.form()), notices);
    }

    /** The viewer's open notices, most severe first; none when the database cannot say (the page says why). */
    List<NoticeView> notices(Viewer viewer) {
        try {
            return NoticeView.of(services.kit().notices().openFor(viewer.user().id(), viewer.user().rights()),
                    services.plugins().contributions(), services.config().timeZone());
        } catch (StorageException e) {
            return List.of();
        }
    }

    void error(Context ctx, int status, String title, String message) {
        ctx.status(status);
        ctx.attribute(Refusals.REASON, message);
        render(ctx, "error.jte", Map.of("page", page(ctx, title, ""), "status", status, "message", message));
    }
}
