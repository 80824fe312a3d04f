package org.nre.sample.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.sample.router.SimulatorStore;
import org.nre.sample.router.SimulatorStore.State;

/**
 * The simulated router's vendor side: a console administrator plays the vendor, authorizing, rejecting,
 * suspending and reinstating registrations and publishing new terms. Served only when the console runs the
 * simulated router.
 */
final class SimulatorRoutes {

    static final int NOTICE_DAYS = 15;
    static final String SOURCE = "simulated-router";

    /** What the vendor can do to a registration. */
    enum Decision {
        AUTHORIZE(List.of(State.PENDING), State.ACTIVE, false, "authorized"),
        REJECT(List.of(State.PENDING), State.REJECTED, true, "rejected"),
        SUSPEND(List.of(State.ACTIVE), State.SUSPENDED, true, "suspended"),
        REINSTATE(List.of(State.SUSPENDED), State.ACTIVE, false, "reinstated");

        final List<State> from;
        final State to;
        final boolean needsReason;
        final String done;

        Decision(List<State> from, State to, boolean needsReason, String done) {
            this.from = from;
            this.to = to;
            this.needsReason = needsReason;
            this.done = done;
        }

        static Optional<Decision> named(String name) {
            for (Decision decision : values()) {
                if (decision.name().equalsIgnoreCase(name)) {
                    return Optional.of(decision);
                }
            }
            return Optional.empty();
        }
    }

    private final Services services;
    private final SimulatorStore store;
    private final Pages pages;
    private final ObjectMapper json;

    SimulatorRoutes(Services services, SimulatorStore store, Pages pages, ObjectMapper json) {
        this.services = services;
        this.store = store;
        this.pages = pages;
        this.json = json;
    }

    void register(Routes routes) {
        routes.get("/simulator", Access.ADMINISTRATOR, this::page);
        routes.post("/simulator/registrations/{id}/{decision}", Access.ADMINISTRATOR, this::decideForm);
        routes.post("/simulator/terms", Access.ADMINISTRATOR, this::publishForm);
        routes.get("/api/simulator", Access.ADMINISTRATOR, this::state);
        routes.post("/api/simulator/registrations/{id}/{decision}", Access.ADMINISTRATOR, this::decideApi);
        routes.post("/api/simulator/terms", Access.ADMINISTRATOR, this::publishApi);
    }

    private void page(Context ctx) {
        render(ctx, "", Map.of());
    }

    private void render(Context ctx, String error, Map<String, String> form) {
        pages.render(ctx, "simulator.jte", Map.of(
                "page", pages.page(ctx, "Simulated router", ""),
                "terms", store.currentTerms().orElse(null),
                "registrations", store.all(),
                "zone", services.config().timeZone(),
                "error", error,
                "form", form,
                "earliest", earliestEffectiveDate().toString()));
    }

    private void decideForm(Context ctx) {
        Optional<String> problem = decide(ctx, ctx.pathParam("id"), ctx.pathParam("decision"),
                Optional.ofNullable(ctx.formParam("reason")).orElse(""));
        if (problem.isPresent()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, problem.get(), Map.of());
            return;
        }
        ctx.redirect("/simulator", HttpStatus.SEE_OTHER);
    }

    private void decideApi(Context ctx) {
        JsonNode body = body(ctx);
        String reason = body.path("reason").asText("");
        Optional<String> problem = decide(ctx, ctx.pathParam("id"), ctx.pathParam("decision"), reason);
        if (problem.isPresent()) {
            Problems.send(ctx, 422, problem.get());
            return;
        }
        ctx.json(store.find(ctx.pathParam("id")).orElseThrow());
    }

    private Optional<String> decide(Context ctx, String id, String decisionName, String reason) {
        Optional<Decision> decision = Decision.named(decisionName);
        if (decision.isEmpty()) {
            return Optional.of("The vendor can authorize, reject, suspend or reinstate; '" + decisionName
                    + "' is none of these.");
        }
        Optional<SimulatorStore.Registration> registration = store.find(id);
        if (registration.isEmpty()) {
            return Optional.of("There is no registration " + id + ".");
        }
        String why = reason.strip();
        if (decision.get().needsReason && (why.isEmpty() || why.length() > 500)) {
            return Optional.of("Give the district a reason (1 to 500 characters) to " + decisionName.toLowerCase()
                    + " the registration.");
        }
        if (!store.move(id, decision.get().from, decision.get().to, decision.get().needsReason ? why : "")) {
            return Optional.of("A registration that is " + registration.get().state() + " cannot be "
                    + decision.get().done + ".");
        }
        services.audit().record(SOURCE, Guard.viewer(ctx).user(), "simulator." + decision.get().name().toLowerCase(),
                "Played the vendor: " + decision.get().done + " registration " + id + " of district "
                        + registration.get().districtId() + (why.isEmpty() ? "" : " (" + why + ")"));
        return Optional.empty();
    }

    private void publishForm(Context ctx) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", Optional.ofNullable(ctx.formParam("version")).orElse(""));
        form.put("effective", Optional.ofNullable(ctx.formParam("effective")).orElse(""));
        form.put("text", Optional.ofNullable(ctx.formParam("text")).orElse(""));
        Optional<String> problem = publish(ctx, form.get("version"), form.get("effective"), form.get("text"));
        if (problem.isPresent()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, problem.get(), form);
            return;
        }
        ctx.redirect("/simulator", HttpStatus.SEE_OTHER);
    }

    private void publishApi(Context ctx) {
        JsonNode body = body(ctx);
        Optional<String> problem = publish(ctx, body.path("version").asText(""), body.path("effectiveDate").asText(""),
                body.path("text").asText(""));
        if (problem.isPresent()) {
            Problems.send(ctx, 422, problem.get());
            return;
        }
        ctx.status(201).json(store.currentTerms().orElseThrow());
    }

    private Optional<String> publish(Context ctx, String version, String effective, String text) {
        String v = version.strip();
        if (!v.matches("[A-Za-z0-9._-]{1,64}")) {
            return Optional.of("Give the new terms a version of 1 to 64 letters, digits, '.', '_' or '-', such as "
                    + "2027-01.");
        }
        if (store.termsVersionExists(v)) {
            return Optional.of("Version " + v + " is already published; give the new terms a new version.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(effective.strip());
        } catch (DateTimeParseException e) {
            return Optional.of("Give the effective date as YYYY-MM-DD.");
        }
        if (date.isBefore(earliestEffectiveDate())) {
            return Optional.of("New terms take effect with at least " + NOTICE_DAYS + " days' notice: choose "
                    + earliestEffectiveDate() + " or later.");
        }
        if (text.isBlank() || text.length() > 100_000) {
            return Optional.of("Give the terms' text (at most 100,000 characters).");
        }
        store.publish(v, date, text.replace("\r\n", "\n"));
        services.audit().record(SOURCE, Guard.viewer(ctx).user(), "simulator.terms",
                "Played the vendor: published Terms of Service version " + v + ", effective " + date);
        return Optional.empty();
    }

    private LocalDate earliestEffectiveDate() {
        ZoneId zone = services.config().timeZone();
        return LocalDate.now(zone).plusDays(NOTICE_DAYS);
    }

    private void state(Context ctx) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("terms", store.currentTerms().orElse(null));
        state.put("registrations", store.all());
        ctx.json(state);
    }

    private JsonNode body(Context ctx) {
        return JsonBodies.object(ctx, json);
    }
}
