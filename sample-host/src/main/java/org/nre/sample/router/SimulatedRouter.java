package org.nre.sample.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.router.protocol.RequestSigner;
import org.nre.router.protocol.SignatureCheck;
import org.nre.sample.ConsoleException;
import org.nre.sample.router.SimulatorStore.State;

/**
 * A stand-in for the vendor's registration router on a loopback port, speaking the contract in
 * docs/router-api.md: signed requests only, idempotent registration, 409 while the district has a live
 * registration, a new registration after a rejection or a withdrawal, look-ups by the console's own reference.
 * Every registration waits as PENDING until someone plays the vendor on the console's Simulated router page.
 */
public final class SimulatedRouter implements AutoCloseable {

    static final long MAX_CLOCK_SKEW_SECONDS = 300;

    /** The key and secret the simulated vendor issued to the district. */
    public record Credentials(String districtKey, String sharedSecret) {
        @Override
        public String toString() {
            return "Credentials[districtKey=" + districtKey + ", sharedSecret=(set)]";
        }
    }

    private final SimulatorStore store;
    private final Clock clock;
    private final ObjectMapper json;
    private final Javalin app;
    // Set once the console's database is ready; until then every call is answered 503.
    private volatile Credentials credentials;

    private SimulatedRouter(SimulatorStore store, Clock clock, ObjectMapper json, Javalin app) {
        this.store = store;
        this.clock = clock;
        this.json = json;
        this.app = app;
    }

    /**
     * Starts the router on 127.0.0.1 at the port (0 for any free one). It touches neither its store nor the
     * database until {@link #open} hands it the credentials, so that the console can start it while its own
     * database migrations run.
     */
    public static SimulatedRouter start(SimulatorStore store, Clock clock, ObjectMapper json, int port) {
        SimulatedRouter[] self = new SimulatedRouter[1];
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            config.http.maxRequestSize = 256 * 1024;
            config.routes.before("/v1/*", ctx -> self[0].verify(ctx));
            config.routes.addHttpHandler(HandlerType.GET, "/v1/terms/current", ctx -> self[0].terms(ctx));
            config.routes.addHttpHandler(HandlerType.POST, "/v1/registrations", ctx -> self[0].register(ctx));
            config.routes.addHttpHandler(HandlerType.GET, "/v1/registrations", ctx -> self[0].lookUp(ctx));
            config.routes.addHttpHandler(HandlerType.GET, "/v1/registrations/{id}", ctx -> self[0].one(ctx));
            config.routes.addHttpHandler(HandlerType.DELETE, "/v1/registrations/{id}", ctx -> self[0].deregister(ctx));
            config.routes.addHttpHandler(HandlerType.POST, "/v1/registrations/{id}/terms-acceptances",
                    ctx -> self[0].acceptTerms(ctx));
            config.routes.addHttpHandler(HandlerType.PUT, "/v1/registrations/{id}/locality", ctx -> self[0].locality(ctx));
            config.routes.exception(Refusal.class, (e, ctx) -> problem(ctx, e.status, e.title, e.getMessage()));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    problem(ctx, 404, "Not Found", "There is nothing at " + ctx.path() + ".");
                }
            });
        });
        self[0] = new SimulatedRouter(store, clock, json, app);
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new ConsoleException("The simulated router cannot listen on 127.0.0.1:" + port + ": "
                    + e.getMessage() + ". Pick another port with --router-port.", e);
        }
        return self[0];
    }

    /** Seeds the vendor's terms if none are published and starts answering calls signed with the credentials. */
    public void open(Credentials issued) {
        store.seed();
        this.credentials = issued;
    }

    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    public SimulatorStore store() {
        return store;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A refusal the router answers with a problem document. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String title;

        Refusal(int status, String title, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.title = title;
        }
    }

    // ------------------------------------------------------------------ signature

    private void verify(Context ctx) {
        Credentials credentials = this.credentials;
        if (credentials == null) {
            ctx.header("Retry-After", "1");
            throw new Refusal(503, "Starting", "The simulated router is starting; try again in a moment.");
        }
        String query = ctx.req().getQueryString();
        SignatureCheck.check(new SignatureCheck.Signed(ctx.header(RequestSigner.KEY_HEADER),
                        ctx.header(RequestSigner.TIMESTAMP_HEADER), ctx.header(RequestSigner.CONTENT_HEADER),
                        ctx.header(RequestSigner.SIGNATURE_HEADER)), ctx.method().name(),
                ctx.req().getRequestURI() + (query == null ? "" : "?" + query), ctx.bodyAsBytes(),
                credentials.districtKey(), credentials.sharedSecret(), clock.instant(), MAX_CLOCK_SKEW_SECONDS)
                .ifPresent(failure -> {
                    throw new Refusal(401, failure.title(), failure.detail());
                });
    }

    // ------------------------------------------------------------------ resources

    private void terms(Context ctx) {
        SimulatorStore.Terms terms = store.currentTerms().orElseThrow(
                () -> new Refusal(503, "No terms", "The vendor has not published terms yet."));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", terms.version());
        body.put("effectiveDate", terms.effectiveDate().toString());
        body.put("digest", terms.digest());
        body.put("text", terms.text());
        send(ctx, 200, body);
    }

    private synchronized void register(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > 64) {
            throw new Refusal(400, "Missing Idempotency-Key", "Send an Idempotency-Key header (a UUID) with POST.");
        }
        String digest = SimulatorStore.sha256(ctx.bodyAsBytes());
        Optional<SimulatorStore.Replay> replay = store.replay(key);
        if (replay.isPresent()) {
            if (!replay.get().bodyDigest().equals(digest)) {
                throw new Refusal(422, "Idempotency-Key reused", "This Idempotency-Key was used with another body.");
            }
            send(ctx, replay.get().status(), registration(store.find(replay.get().registrationId()).orElseThrow()));
            return;
        }
        JsonNode body = body(ctx);
        String districtId = text(body, "districtId", 64);
        SimulatorStore.Terms terms = store.currentTerms().orElseThrow();
        JsonNode accepted = object(body, "terms");
        String version = text(accepted, "version", 64);
        if (!version.equals(terms.version()) || !text(accepted, "digest", 80).equals(terms.digest())) {
            throw new Refusal(422, "Terms not current", "Version " + version + " is not the current terms ("
                    + terms.version() + "); accept the current terms and register again.");
        }
        JsonNode locality = object(body, "locality");
        JsonNode by = object(body, "registeredBy");
        String state = text(body, "state", 2);
        if (!state.matches("[A-Z]{2}")) {
            throw new Refusal(422, "Invalid state", "'state' must be a two-letter US state code.");
        }
        Optional<SimulatorStore.Registration> live = store.live(districtId);
        if (live.isPresent()) {
            Map<String, Object> problem = problemBody(409, "Conflict", "The district already has a registration ("
                    + live.get().state() + ").");
            problem.put("registration", registration(live.get()));
            send(ctx, 409, problem, "application/problem+json");
            return;
        }
        SimulatorStore.Registration created = store.create(new SimulatorStore.Registration(null, districtId,
                text(body, "districtName", 200), state, text(body, "applicationName", 128),
                text(body, "sourceAddress", 64), text(body, "clientReference", 64), text(by, "id", 64),
                text(by, "name", 200), version, State.PENDING, "", list(locality, "cities"),
                list(locality, "postalCodes"), null, null));
        store.remember(key, digest, 202, created.id());
        send(ctx, 202, registration(created));
    }

    private void lookUp(Context ctx) {
        String districtId = ctx.queryParam("districtId");
        if (districtId == null || districtId.isBlank()) {
            throw new Refusal(400, "Missing districtId", "Ask with ?districtId=<the district's id>.");
        }
        String reference = ctx.queryParam("clientReference");
        List<Map<String, Object>> registrations = new ArrayList<>();
        (reference == null ? store.ofDistrict(districtId) : store.withReference(districtId, reference))
                .forEach(r -> registrations.add(registration(r)));
        send(ctx, 200, Map.of("registrations", registrations));
    }

    private void one(Context ctx) {
        send(ctx, 200, registration(found(ctx)));
    }

    private synchronized void deregister(Context ctx) {
        SimulatorStore.Registration registration = found(ctx);
        if (registration.state() == State.REJECTED) {
            throw new Refusal(409, "Rejected", "The registration was rejected; there is nothing to withdraw. "
                    + "Register again instead.");
        }
        store.move(registration.id(), SimulatorStore.LIVE, State.DEREGISTERED, "");
        send(ctx, 200, registration(store.find(registration.id()).orElseThrow()));
    }

    private synchronized void acceptTerms(Context ctx) {
        SimulatorStore.Registration registration = found(ctx);
        JsonNode body = body(ctx);
        String version = text(body, "version", 64);
        SimulatorStore.Terms current = store.currentTerms().orElseThrow();
        if (!version.equals(current.version()) || !text(body, "digest", 80).equals(current.digest())) {
            throw new Refusal(409, "Terms not current", "Version " + version + " is not the current terms ("
                    + current.version() + ").");
        }
        store.acceptTerms(registration.id(), version, text(object(body, "acceptedBy"), "name", 200),
                text(body, "acceptedAt", 40));
        send(ctx, 201, registration(store.find(registration.id()).orElseThrow()));
    }

    private synchronized void locality(Context ctx) {
        SimulatorStore.Registration registration = found(ctx);
        JsonNode body = body(ctx);
        store.locality(registration.id(), list(body, "cities"), list(body, "postalCodes"));
        send(ctx, 200, registration(store.find(registration.id()).orElseThrow()));
    }

    private SimulatorStore.Registration found(Context ctx) {
        return store.find(ctx.pathParam("id")).orElseThrow(() -> new Refusal(404, "Not Found",
                "There is no registration " + ctx.pathParam("id") + "."));
    }

    static Map<String, Object> registration(SimulatorStore.Registration r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("districtId", r.districtId());
        body.put("clientReference", r.clientReference().isEmpty() ? null : r.clientReference());
        body.put("state", r.state().name());
        body.put("reason", r.reason().isEmpty() ? null : r.reason());
        body.put("termsVersion", r.termsVersion());
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("id", r.registeredById().isEmpty() ? null : r.registeredById());
        by.put("name", r.registeredBy());
        body.put("registeredBy", by);
        body.put("applicationName", r.applicationName());
        body.put("sourceAddress", r.sourceAddress());
        body.put("createdAt", r.createdAt().toString());
        body.put("updatedAt", r.updatedAt().toString());
        return body;
    }

    // ------------------------------------------------------------------ JSON

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new Refusal(400, "Bad body", "The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Refusal(400, "Bad body", "The body is not valid JSON.");
        }
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new Refusal(422, "Invalid body", "'" + field + "' must be an object.");
        }
        return value;
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank() || value.asText().length() > max) {
            throw new Refusal(422, "Invalid body", "'" + field + "' must be text of 1 to " + max + " characters.");
        }
        return value.asText();
    }

    private static String list(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Refusal(422, "Invalid body", "'" + field + "' must be a list of text.");
        }
        List<String> items = new ArrayList<>();
        value.forEach(item -> {
            if (!item.isTextual()) {
                throw new Refusal(422, "Invalid body", "'" + field + "' must be a list of text.");
            }
            items.add(item.asText());
        });
        String joined = String.join(", ", items);
        if (joined.length() > 4000) {
            throw new Refusal(422, "Invalid body", "'" + field + "' is too long.");
        }
        return joined;
    }

    private void send(Context ctx, int status, Object body) {
        send(ctx, status, body, "application/json");
    }

    private void send(Context ctx, int status, Object body, String type) {
        try {
            ctx.status(status).contentType(type).result(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> problemBody(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static void problem(Context ctx, int status, String title, String detail) {
        ctx.status(status).contentType("application/problem+json").result("{\"type\":\"about:blank\",\"title\":\""
                + escape(title) + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\"}");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
