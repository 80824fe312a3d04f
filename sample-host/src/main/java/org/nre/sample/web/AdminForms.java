package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nre.sample.admin.Directory;

/** What the administrators' pages and API share: answering a directory change, and reading their forms. */
final class AdminForms {

    record OutcomeJson(String message, Map<String, String> errors) {
    }

    private AdminForms() {
    }

    static void answer(Context ctx, Directory.Outcome outcome, int status) {
        if (outcome.stale()) {
            Problems.send(ctx, 409, outcome.message());
            return;
        }
        if (outcome.done()) {
            ctx.status(status).json(new OutcomeJson(outcome.message(), Map.of()));
            return;
        }
        if (outcome.needsConfirmation()) {
            Problems.send(ctx, 428, outcome.message() + " Send the same request with \"confirm\": true to make it.");
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        ctx.status(422).json(new OutcomeJson(outcome.message(), errors));
    }

    static void flashAndGo(Services services, Context ctx, String message, String path) {
        flashAndGo(services, ctx, "success", message, path);
    }

    /** Carries the message to the next page in a tone of its own, such as {@code danger} for what did not work. */
    static void flashAndGo(Services services, Context ctx, String tone, String message, String path) {
        services.accounts().sessions().flash(Guard.viewer(ctx).session().tokenHash(), tone, message);
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /**
     * Answers a refused browser form (post/redirect/get): the message, what was entered (leave passwords out) and
     * the field errors go to the page at {@code path} through the session, and the browser is sent there with
     * 303, so that reloading that page sends nothing again. The JSON API answers with its status instead.
     */
    static void refuseAndGo(Services services, Context ctx, String tone, String message, KeptForm form, String path) {
        services.accounts().sessions().flash(Guard.viewer(ctx).session().tokenHash(), tone, message,
                form.kept() ? form.json() : "");
        ctx.redirect(path, HttpStatus.SEE_OTHER);
    }

    /** Answers a refused directory change: its message and field errors, with what was entered, to the page. */
    static void refuseAndGo(Services services, Context ctx, Directory.Outcome outcome, Map<String, String> entered,
                            String path) {
        Map<String, String> errors = new LinkedHashMap<>();
        outcome.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        // A stale change shows what is stored now: what was entered was based on what no longer is.
        KeptForm form = outcome.stale() ? KeptForm.NONE : KeptForm.of(entered, errors);
        refuseAndGo(services, ctx, outcome.stale() ? "warning" : "danger", outcome.message(), form, path);
    }

    /** The form's text fields and its ticked checkboxes ("on"), by name, for a refused form to show again. */
    static Map<String, String> entered(Context ctx, Map<String, String> text, String... checkboxes) {
        Map<String, String> entered = new LinkedHashMap<>(text);
        for (String checkbox : checkboxes) {
            if ("on".equals(ctx.formParam(checkbox))) {
                entered.put(checkbox, "on");
            }
        }
        return entered;
    }

    static Map<String, String> form(Context ctx, String... names) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String name : names) {
            form.put(name, Optional.ofNullable(ctx.formParam(name)).orElse(""));
        }
        return form;
    }

    /** The version a form's change was based on, from its hidden field. */
    static long formVersion(Context ctx) {
        String text = ctx.formParam("version");
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Guard.Refusal(400, "The form does not say which version it changes: reload the page and make "
                    + "your change again.");
        }
    }
}
