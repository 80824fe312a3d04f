package org.nre.simulator.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.router.protocol.RequestSigner;
import org.nre.simulator.store.Registration;
import org.nre.simulator.store.RegistrationState;
import org.nre.simulator.store.Replay;
import org.nre.simulator.store.SimulatorStore;
import org.nre.simulator.store.Terms;

/**
 * The contract's resources (docs/router-api.md): idempotent registration, 409 while the district has a live
 * registration, a new registration after a rejection or a withdrawal, look-ups by the console's own reference.
 * Every registration waits as PENDING until someone plays the vendor on the vendor's side panel.
 */
final class RouterResources {

    static final int MAX_IDEMPOTENCY_KEY = 64;
    // Terms are seeded at start, so none means someone emptied the table: worth a retry later, not at once.
    static final String NO_TERMS_RETRY_SECONDS = "60";

    private final SimulatorStore store;

    RouterResources(SimulatorStore store) {
        this.store = store;
    }

    Answer terms() {
        return Answer.json(200, Representation.terms(currentTerms()));
    }

    // Writes are serialised: a check of the live registration and the registration it allows must not interleave.
    synchronized Answer register(RouterRequest request) {
        String key = request.header("Idempotency-Key");
        if (key == null || key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new Refusal(400, "Missing Idempotency-Key", "Send an Idempotency-Key header (a UUID) with POST.");
        }
        String digest = RequestSigner.sha256Hex(request.body());
        Optional<Replay> replay = store.replay(key);
        if (replay.isPresent()) {
            if (!replay.get().bodyDigest().equals(digest)) {
                throw new Refusal(422, "Idempotency-Key reused", "This Idempotency-Key was used with another body.");
            }
            return Answer.json(replay.get().status(),
                    Representation.registration(store.find(replay.get().registrationId()).orElseThrow()));
        }
        Map<String, Object> body = JsonBodies.object(request.body());
        String districtId = JsonBodies.text(body, "districtId", 64);
        Terms terms = currentTerms();
        Map<String, Object> accepted = JsonBodies.object(body, "terms");
        String version = JsonBodies.text(accepted, "version", 64);
        if (!version.equals(terms.version()) || !JsonBodies.text(accepted, "digest", 80).equals(terms.digest())) {
            throw new Refusal(422, "Terms not current", "Version " + version + " is not the current terms ("
                    + terms.version() + "); accept the current terms and register again.");
        }
        Map<String, Object> locality = JsonBodies.object(body, "locality");
        Map<String, Object> by = JsonBodies.object(body, "registeredBy");
        String state = JsonBodies.text(body, "state", 2);
        if (!state.matches("[A-Z]{2}")) {
            throw new Refusal(422, "Invalid state", "'state' must be a two-letter US state code.");
        }
        Optional<Registration> live = store.live(districtId);
        if (live.isPresent()) {
            Map<String, Object> problem = Answer.problemDocument(409, "Conflict",
                    "The district already has a registration (" + live.get().state() + ").");
            problem.put("registration", Representation.registration(live.get()));
            return new Answer(409, Answer.PROBLEM, problem, Map.of());
        }
        Registration created = store.create(new Registration(null, districtId,
                JsonBodies.text(body, "districtName", 200), state, JsonBodies.text(body, "applicationName", 128),
                JsonBodies.text(body, "sourceAddress", 64), JsonBodies.text(body, "clientReference", 64),
                JsonBodies.text(by, "id", 64), JsonBodies.text(by, "name", 200), version, RegistrationState.PENDING,
                "", JsonBodies.list(locality, "cities"), JsonBodies.list(locality, "postalCodes"), null, null));
        store.remember(key, new Replay(digest, 202, created.id()));
        return Answer.json(202, Representation.registration(created));
    }

    Answer lookUp(RouterRequest request) {
        String districtId = request.query("districtId").filter(id -> !id.isBlank()).orElseThrow(() ->
                new Refusal(400, "Missing districtId", "Ask with ?districtId=<the district's id>."));
        Optional<String> reference = request.query("clientReference");
        List<Object> registrations = new ArrayList<>();
        (reference.isEmpty() ? store.ofDistrict(districtId) : store.withReference(districtId, reference.get()))
                .forEach(r -> registrations.add(Representation.registration(r)));
        return Answer.json(200, Map.of("registrations", registrations));
    }

    Answer one(String id) {
        return Answer.json(200, Representation.registration(found(id)));
    }

    synchronized Answer deregister(String id) {
        Registration registration = found(id);
        if (registration.state() == RegistrationState.REJECTED) {
            throw new Refusal(409, "Rejected", "The registration was rejected; there is nothing to withdraw. "
                    + "Register again instead.");
        }
        store.move(id, RegistrationState.LIVE, RegistrationState.DEREGISTERED, "");
        return Answer.json(200, Representation.registration(found(id)));
    }

    synchronized Answer acceptTerms(String id, RouterRequest request) {
        found(id);
        Map<String, Object> body = JsonBodies.object(request.body());
        String version = JsonBodies.text(body, "version", 64);
        Terms current = currentTerms();
        if (!version.equals(current.version()) || !JsonBodies.text(body, "digest", 80).equals(current.digest())) {
            throw new Refusal(409, "Terms not current", "Version " + version + " is not the current terms ("
                    + current.version() + ").");
        }
        store.acceptTerms(id, version, JsonBodies.text(JsonBodies.object(body, "acceptedBy"), "name", 200),
                JsonBodies.text(body, "acceptedAt", 40));
        return Answer.json(201, Representation.registration(found(id)));
    }

    synchronized Answer locality(String id, RouterRequest request) {
        found(id);
        Map<String, Object> body = JsonBodies.object(request.body());
        store.locality(id, JsonBodies.list(body, "cities"), JsonBodies.list(body, "postalCodes"));
        return Answer.json(200, Representation.registration(found(id)));
    }

    private Registration found(String id) {
        return store.find(id).orElseThrow(() -> new Refusal(404, "Not Found", "There is no registration " + id
                + "."));
    }

    private Terms currentTerms() {
        return store.currentTerms().orElseThrow(() -> new Refusal(503, "No terms",
                "The vendor has not published terms yet.", Map.of("Retry-After", NO_TERMS_RETRY_SECONDS)));
    }
}
