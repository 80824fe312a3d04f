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
