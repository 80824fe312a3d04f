package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.Section;
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
    private final SignInRefusal refusals = new SignInRefusal(new SecureRandom());

    ConsoleRoutes(Services services, Pages pages, Guard guard, PanelHtml html) {
        this.services = services;
        this.pages = pages;
        this.guard = guard;
        this.html = html;
    }

    void register(Routes routes) {
        routes.get("/", Access.SIGNED_IN, this::home);
        routes.get("/signin", Access.PUBLIC, this::signInPage);
        // Browsers ask for /favicon.ico whatever the page's link says.
        routes.get("/favicon.ico", Access.PUBLIC, ctx -> ctx.redirect("/assets/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
        routes.post("/signin", Access.SIGN_IN, this::signIn);
        routes.post("/signout", Access.PASSWORD_CHANGE, this::signOut);
        routes.get("/account/password", Access.PASSWORD_CHANGE, this::passwordPage);
        routes.post("/account/password", Access.PASSWORD_CHANGE, this::changePassword);
        routes.get("/panels/{panel}", Access.SIGNED_IN, this::panel);
        routes.get("/panels/{panel}/live", Access.SIGNED_IN, this::livePanel);
        routes.post("/panels/{panel}/actions/{action}", Access.SIGNED_IN, this::act);
        routes.get("/panels/{panel}/actions/{action}/confirm", Access.SIGNED_IN, this::confirmPage);
    }

    private void home(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        Page page = pages.page(ctx, "Home", "");
        List<Home.Attention> attention = new ArrayList<>();
        if (viewer.account().mustChangePassword()) {
            attention.add(new Home.Attention("danger", "Choose a new password: the one you signed in with was for "
                    + "one use only.", "/account/password", "Change your password"));
        }
        for (NoticeView notice : page.notices().all()) {
            attention.add(new Home.Attention(notice.tone(), notice.title() + (notice.deadline().isEmpty() ? ""
                    : " (by " + notice.deadline() + ")"), notice.href().isEmpty() ? "/notices#notice-" + notice.id()
                    : notice.href(), notice.href().isEmpty() ? "Details" : notice.link()));
        }
        if (viewer.administrator()) {
            attention.addAll(Home.forAdministrator(services.plugins().statuses(),
                    services.toolRights().summaries(services.plugins().contributions()),
                    services.directory().users().awaitingPassword(Home.NAMED_USERS)));
            attention.addAll(Home.mailProblems(services.kit().notices().deliveryProblems(1),
                    services.kit().notices().mailStatus()));
        }
        pages.render(ctx, "home.jte", Map.of("home", new Home(page,
                Home.tools(page.menu(), services.plugins().contributions()), attention)));
    }

    private void signInPage(Context ctx) {
        if (guard.resolve(ctx) != null) {
            ctx.redirect("/");
            return;
        }
        Optional<SignInRefusal.Shown> refused = refusals.take(ctx, guard.secure(ctx));
        renderSignIn(ctx, refused.map(SignInRefusal.Shown::message).orElse(""),
                refused.map(SignInRefusal.Shown::login).orElse(""));
    }

    private void renderSignIn(Context ctx, String error, String login) {
        pages.render(ctx, "signin.jte", Map.of("page", pages.page(ctx, "Sign in", ""), "error", error,
                "login", login));
    }

    private void signIn(Context ctx) {
        String login = Optional.ofNullable(ctx.formParam("login")).orElse("");
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        Accounts.SignIn signIn = services.accounts().signIn(login, password, Client.of(ctx).address());
        // A refused sign-in, as every form, answers with a redirect to a page (the JSON API, POST /api/session,
        // answers 401 and 503): the page shows why, and reloading it sends nothing again.
        if (signIn instanceof Accounts.SignIn.Refused refused) {
            refusals.keep(ctx, refused.message(), login.length() > 64 ? "" : login, guard.secure(ctx));
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
            return;
        }
        if (signIn instanceof Accounts.SignIn.Busy busy) {
            ctx.header("Retry-After", String.valueOf(busy.retryAfter().toSeconds()));
            refusals.keep(ctx, busy.message(), login.length() > 64 ? "" : login, guard.secure(ctx));
            ctx.redirect("/signin", HttpStatus.SEE_OTHER);
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
        Viewer viewer = Guard.viewer(ctx);
        pages.render(ctx, "password.jte", Map.of("page", pages.page(ctx, "Change your password", ""),
                "required", viewer.account().mustChangePassword()));
    }

    private void changePassword(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        Optional<String> problem = services.accounts().changePassword(viewer.session(), viewer.account(),
                ctx.formParam("current"),
                ctx.formParam("chosen"), ctx.formParam("repeated"), Client.of(ctx).address());
        if (problem.isPresent()) {
            // Nothing typed is kept: every field is a password.
            AdminForms.refuseAndGo(services, ctx, "danger", problem.get(), KeptForm.NONE, "/account/password");
            return;
        }
        services.accounts().sessions().flash(viewer.session().tokenHash(), "success",
                "Your password was changed. Your other sessions, if you had any, have ended.");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void panel(Context ctx) {
        showPanel(ctx, ctx.pathParam("panel"));
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

    private void showPanel(Context ctx, String panelId) {
        Viewer viewer = Guard.viewer(ctx);
        Panels.ViewOutcome outcome = services.panels().view(panelId, viewer.user());
        if (outcome instanceof Panels.Shown shown) {
            Page page = pages.page(ctx, shown.panel().definition().title(), panelId);
            PanelPage model = new PanelPage(page, panelId, shown.panel().definition().title(),
                    shown.panel().pluginId(), shown.view());
            // A refused action's field errors and typed text, carried by the redirect, mark the sections: the
            // message itself stands above the panel, as every page's does.
            KeptForm kept = page.form();
            String sections = kept.kept()
                    ? html.sections(shown, form(ctx, panelId, shown), Tone.DANGER, "", kept.errors(), kept.singleValues())
                    : html.sections(shown, form(ctx, panelId, shown)).html();
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
        String panelPath = "/panels/" + panelId;
        if (outcome instanceof Panels.Done done) {
            ActionResult result = done.result();
            if (result instanceof ActionResult.Success) {
                AdminForms.flashAndGo(services, ctx, result.message(), panelPath);
            } else if (result instanceof ActionResult.Invalid invalid) {
                Map<String, String> errors = new LinkedHashMap<>();
                for (FieldError error : invalid.errors()) {
                    errors.putIfAbsent(error.field(), error.message());
                }
                AdminForms.refuseAndGo(services, ctx, "danger", result.message(),
                        KeptForm.of(shownAgain(panelId, viewer, input, false), errors), panelPath);
            } else if (result instanceof ActionResult.Conflict) {
                AdminForms.refuseAndGo(services, ctx, "warning", result.message(), KeptForm.NONE, panelPath);
            } else {
                AdminForms.refuseAndGo(services, ctx, "danger", result.message(), KeptForm.NONE, panelPath);
            }
        } else if (outcome instanceof Panels.NeedsConfirmation) {
            // The question is a page of its own; the inputs wait in the session for it (secrets never do).
            AdminForms.refuseAndGo(services, ctx, "", "", KeptForm.of(shownAgain(panelId, viewer, input, true),
                    Map.of()), panelPath + "/actions/" + action + "/confirm");
        } else {
            refuse(ctx, (Object) outcome);
        }
    }

    /**
     * What of a refused action's input the panel's page shows again: its text inputs, or, for a confirmation, every
     * input but secrets; a secret never goes back to a page nor into the session.
     */
    private Map<String, String> shownAgain(String panelId, Viewer viewer, Map<String, String> input,
                                           boolean allButSecrets) {
        if (!(services.panels().view(panelId, viewer.user()) instanceof Panels.Shown shown)) {
            return Map.of();
        }
        Set<String> text = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (Section section : shown.view().sections()) {
            for (Component component : section.components()) {
                if (component instanceof Component.TextInput textInput) {
                    text.add(textInput.name());
                } else if (component instanceof Component.SecretInput secret) {
                    secrets.add(secret.name());
                }
            }
        }
        Map<String, String> kept = new LinkedHashMap<>();
        input.forEach((name, value) -> {
            if (allButSecrets ? !secrets.contains(name) : text.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** The question before an action that asks for confirmation, as a page that a reload shows again. */
    private void confirmPage(Context ctx) {
        Viewer viewer = Guard.viewer(ctx);
        String panelId = ctx.pathParam("panel");
        String action = ctx.pathParam("action");
        Panels.ViewOutcome outcome = services.panels().view(panelId, viewer.user());
        if (!(outcome instanceof Panels.Shown shown)) {
            refuse(ctx, outcome);
            return;
        }
        Optional<PanelAction> asked = shown.allowedActions().stream()
                .filter(a -> a.name().equals(action) && a.needsConfirmation()).findFirst();
        Page page = pages.page(ctx, asked.map(PanelAction::label).orElse(""), panelId);
        if (asked.isEmpty()) {
            ctx.redirect("/panels/" + panelId, HttpStatus.SEE_OTHER);
            return;
        }
        pages.render(ctx, "confirm.jte", Map.of(
                "page", page,
                "title", asked.get().label(),
                "destructive", asked.get().destructive(),
                "question", asked.get().confirmation(),
                "actionLabel", asked.get().label(),
                "actionPath", "/panels/" + panelId + "/actions/" + action,
                "backPath", "/panels/" + panelId,
                "inputs", page.form().singleValues()));
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
