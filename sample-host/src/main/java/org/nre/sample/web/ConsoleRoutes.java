package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.Tone;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.render.FormTarget;
import org.nre.hostkit.render.PanelHtml;
import org.nre.hostkit.render.RenderedSections;
import org.nre.sample.auth.Accounts;

/** The console's HTML pages. */
final class ConsoleRoutes {

    private final Services services;
    private final Pages pages;
    private final Guard guard;
    private final PanelHtml html;

    ConsoleRoutes(Services services, Pages pages, Guard guard, PanelHtml html) {
        this.services = services;
        this.pages = pages;
        this.guard = guard;
        this.html = html;
    }

    void register(Routes routes) {
        routes.get("/", Access.SIGNED_IN, this::home);
        routes.get("/signin", Access.PUBLIC, this::signInPage);
        routes.post("/signin", Access.SIGN_IN, this::signIn);
        routes.post("/signout", Access.PASSWORD_CHANGE, this::signOut);
        routes.get("/account/password", Access.PASSWORD_CHANGE, this::passwordPage);
        routes.post("/account/password", Access.PASSWORD_CHANGE, this::changePassword);
        routes.get("/panels/{panel}", Access.SIGNED_IN, this::panel);
        routes.get("/panels/{panel}/live", Access.SIGNED_IN, this::livePanel);
        routes.post("/panels/{panel}/actions/{action}", Access.SIGNED_IN, this::act);
    }

    private void home(Context ctx) {
        pages.render(ctx, "home.jte", Map.of("page", pages.page(ctx, "Home", "")));
    }

    private void signInPage(Context ctx) {
        if (guard.resolve(ctx) != null) {
            ctx.redirect("/");
            return;
        }
        renderSignIn(ctx, "", "");
    }

    private void renderSignIn(Context ctx, String error, String login) {
        pages.render(ctx, "signin.jte", Map.of("page", pages.page(ctx, "Sign in", ""), "error", error,
                "login", login));
    }

    private void signIn(Context ctx) {
        String login = Optional.ofNullable(ctx.formParam("login")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Accounts.SignIn signIn = services.accounts().signIn(login, password, Client.of(ctx).address());
        if (signIn instanceof Accounts.SignIn.Refused refused) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderSignIn(ctx, refused.message(), login.length() > 64 ? "" : login);
            return;
        }
        if (signIn instanceof Accounts.SignIn.Busy busy) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            ctx.header("Retry-After", String.valueOf(busy.retryAfter().toSeconds()));
            renderSignIn(ctx, busy.message(), login.length() > 64 ? "" : login);
            return;
        }
        guard.endBroughtSession(ctx);
        SessionCookie.set(ctx, ((Accounts.SignIn.Opened) signIn).session().token(), guard.secure(ctx));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        services.accounts().signOut(viewer.session(), viewer.account(), Client.of(ctx).address());
        SessionCookie.clear(ctx, guard.secure(ctx));
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    private void passwordPage(Context ctx) {
        renderPassword(ctx, "");
    }

    private void renderPassword(Context ctx, String error) {
        Viewer viewer = Guard.viewer(ctx);
        pages.render(ctx, "password.jte", Map.of("page", pages.page(ctx, "Change your password", ""),
                "error", error, "required", viewer.account().mustChangePassword()));
    }

    private void changePassword(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        Optional<String> problem = services.accounts().changePassword(viewer.session(), viewer.account(),
                ctx.formParam("current"),
                ctx.formParam("chosen"), ctx.formParam("repeated"), Client.of(ctx).address());
        if (problem.isPresent()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            renderPassword(ctx, problem.get());
            return;
        }
        services.accounts().sessions().flash(viewer.session().tokenHash(), "success",
                "Your password was changed. Your other sessions, if you had any, have ended.");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void panel(Context ctx) {
        showPanel(ctx, ctx.pathParam("panel"), null, "", Map.of(), Map.of());
    }

    /**
     * The panel's sections alone, for the page's script to merge in: it replaces only what changed. The seconds
     * until the next update come in X-Refresh-Seconds (0: stop). An ETag lets the script ask "changed since?"
     * and get 304 with no body while nothing did.
     */
    private void livePanel(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        String panelId = ctx.pathParam("panel");
        Panels.ViewOutcome outcome = services.panels().view(panelId, viewer.user());
        if (outcome instanceof Panels.Shown shown) {
            RenderedSections sections = html.sections(shown, form(ctx, panelId, shown));
            ctx.header("X-Refresh-Seconds", String.valueOf(shown.view().refreshSeconds()));
            ctx.header("Cache-Control", "no-cache, private");
            ctx.header("ETag", sections.etag());
            if (sections.etag().equals(ctx.header("If-None-Match"))) {
                ctx.status(HttpStatus.NOT_MODIFIED);
                return;
            }
            ctx.html(sections.html());
        } else {
            refuse(ctx, outcome);
        }
    }

    /**
     * Where the panel's forms post, each carrying the session's CSRF token, and, for a user who may not run some
     * of its actions, the console's administrators by name: whom to ask.
     */
    private FormTarget form(Context ctx, String panelId, Panels.Shown shown) {
        Map<String, String> hidden = Map.of(Guard.CSRF_FIELD, Guard.viewer(ctx).session().csrfToken());
        String prefix = "/panels/" + panelId + "/actions/";
        if (shown.beyondReach().isEmpty()) {
            return new FormTarget(prefix, hidden);
        }
        return new FormTarget(prefix, hidden, whomToAsk());
    }

    /** "Ask a console administrator (Ada Admin, Bo Boss) if you need more.", naming at most three. */
    private String whomToAsk() {
        List<String> names = services.directory().users().enabledAdministratorAccounts().stream()
                .map(a -> (a.firstName() + " " + a.lastName()).strip()).toList();
        if (names.isEmpty()) {
            return FormTarget.ASK_AN_ADMINISTRATOR;
        }
        String named = String.join(", ", names.subList(0, Math.min(3, names.size())))
                + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
        return "Ask a console administrator (" + named + ") if you need more.";
    }

    private void showPanel(Context ctx, String panelId, Tone tone, String message, Map<String, String> errors,
                           Map<String, String> typed) {
        Viewer viewer = Guard.viewer(ctx);
        Panels.ViewOutcome outcome = services.panels().view(panelId, viewer.user());
        if (outcome instanceof Panels.Shown shown) {
            PanelPage model = new PanelPage(pages.page(ctx, shown.panel().definition().title(), panelId),
                    panelId, shown.panel().definition().title(), shown.panel().pluginId(), shown.view());
            // An action's answer marks fields and shows its message inside the sections: rendered for it alone.
            String sections = message.isEmpty() && errors.isEmpty() ? html.sections(shown, form(ctx, panelId, shown)).html()
                    : html.sections(shown, form(ctx, panelId, shown), tone, message, errors, typed);
            pages.render(ctx, "panel.jte", Map.of("model", model, "sections", sections));
        } else {
            refuse(ctx, outcome);
        }
    }

    private void act(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        String panelId = ctx.pathParam("panel");
        String action = ctx.pathParam("action");
        Map<String, String> input = Routes.formInput(ctx);
        boolean confirmed = "yes".equals(ctx.formParam("_confirmed"));
        Panels.ActOutcome outcome = services.panels().act(panelId, action, new ActionInput(input), viewer.user(),
                confirmed);
        if (outcome instanceof Panels.Done done) {
            ActionResult result = done.result();
            if (result instanceof ActionResult.Success) {
                services.accounts().sessions().flash(viewer.session().tokenHash(), "success", result.message());
                ctx.redirect("/panels/" + panelId, HttpStatus.SEE_OTHER);
            } else if (result instanceof ActionResult.Invalid invalid) {
                Map<String, String> errors = new HashMap<>();
                for (FieldError error : invalid.errors()) {
                    errors.putIfAbsent(error.field(), error.message());
                }
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                showPanel(ctx, panelId, Tone.DANGER, result.message(), errors, input);
            } else if (result instanceof ActionResult.Conflict) {
                ctx.status(HttpStatus.CONFLICT);
                showPanel(ctx, panelId, Tone.WARNING, result.message(), Map.of(), Map.of());
            } else {
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
                showPanel(ctx, panelId, Tone.DANGER, result.message(), Map.of(), Map.of());
            }
        } else if (outcome instanceof Panels.NeedsConfirmation needs) {
            pages.render(ctx, "confirm.jte", Map.of(
                    "page", pages.page(ctx, needs.action().label(), panelId),
                    "title", needs.action().label(),
                    "destructive", needs.action().destructive(),
                    "question", needs.action().confirmation(),
                    "actionLabel", needs.action().label(),
                    "actionPath", "/panels/" + panelId + "/actions/" + action,
                    "backPath", "/panels/" + panelId,
                    "inputs", input));
        } else {
            refuse(ctx, (Object) outcome);
        }
    }

    private void refuse(Context ctx, Object outcome) {
        if (outcome instanceof Panels.NotFound notFound) {
            pages.error(ctx, 404, "Not found", "There is no panel or action '" + notFound.panelId()
                    + "'. The plugin that provides it may be stopped or missing.");
        } else if (outcome instanceof Panels.Forbidden forbidden) {
            pages.error(ctx, 403, "Not allowed", forbidden.message() + " Ask a console administrator if you need it.");
        } else if (outcome instanceof Panels.Failed failed) {
            pages.error(ctx, 500, "The tool failed", failed.message());
        }
    }


}
