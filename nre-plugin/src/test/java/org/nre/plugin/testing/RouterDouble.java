package org.nre.plugin.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.jr.ob.JSON;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The vendor's router as a model: every registration, terms version, acceptance and locality it holds, the
 * state each registration went through, and which requests reached it and which it carried out. It speaks the
 * contract of docs/router-api.md over real HTTP (WireMock, with the signature check of {@link RouterStub}) and
 * plays the faults a real router has: down (nothing listens), a connection reset before it acts, an answer lost
 * after it acted, an answer slower than the client waits, and "busy" (503).
 */
public final class RouterDouble implements AutoCloseable {

    /** How the router behaves towards every request until told otherwise. */
    public enum Condition {
        /** It answers as the contract says. */
        WELL,
        /** Nothing listens: every connection is refused, nothing arrives. */
        DOWN,
        /** The connection is reset when the request arrives: the router did nothing with it. */
        RESET,
        /** The router carries the request out, then the connection is reset: the answer is lost. */
        LOST,
        /** The router carries the request out and answers later than the client waits. */
        SLOW,
        /** The router answers 503 with Retry-After: it did nothing with the request. */
        BUSY
    }

    /** A registration as the router holds it, with every state it has been in. */
    public static final class Held {
        public final String id;
        public final String districtId;
        public final String clientReference;
        public final String registeredById;
        public final String registeredByName;
        public final List<String> states = new ArrayList<>();
        public String reason = "";
        public String termsVersion;
        public Map<String, Object> locality;

        Held(String id, String districtId, String clientReference, String byId, String byName, String termsVersion,
             Map<String, Object> locality) {
            this.id = id;
            this.districtId = districtId;
            this.clientReference = clientReference;
            this.registeredById = byId;
            this.registeredByName = byName;
            this.termsVersion = termsVersion;
            this.locality = locality;
            states.add("PENDING");
        }

        public String state() {
            return states.get(states.size() - 1);
        }

        public boolean live() {
            return List.of("PENDING", "ACTIVE", "SUSPENDED").contains(state());
        }

        void move(String to, String why) {
            states.add(to);
            reason = why;
        }
    }

    private record Replay(int status, String body) {
    }

    private final Following clock = new Following();
    private final WireMockServer server;
    private final TcpGate gate;
    private final int slowMillis;
    private final List<Held> registrations = new ArrayList<>();
    private final Map<String, Replay> replays = new HashMap<>();
    private final Set<String> arrived = new HashSet<>();
    private final Set<String> carriedOut = new HashSet<>();
    private final List<String> acceptanceKeys = new ArrayList<>();
    private Condition condition = Condition.WELL;
    private String termsVersion;
    private String termsText;
    private LocalDate termsEffective;
    private int published;

    /** The console's clock, which the router's agrees with: signatures are checked against it. */
    private static final class Following extends Clock {
        private volatile Clock followed = Clock.systemUTC();

        @Override
        public java.time.Instant instant() {
            return followed.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return followed.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** @param slowMillis how late a {@link Condition#SLOW} answer comes */
    public RouterDouble(int slowMillis) {
        this.slowMillis = slowMillis;
        server = new WireMockServer(options().dynamicPort().extensions(new RouterStub.SignatureCheck(clock),
                new Behaviour()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ResponseDefinitionBuilder.okForEmptyJson()));
        gate = new TcpGate(server.port());
        reset(clock.followed);
    }

    /** The address the console calls: through a gate that can refuse every connection. */
    public String url() {
        return "http://127.0.0.1:" + gate.port();
    }

    /** Forgets everything, as a fresh router with the first terms published, its clock agreeing with this one. */
    public synchronized void reset(Clock console) {
        clock.followed = console;
        registrations.clear();
        replays.clear();
        arrived.clear();
        carriedOut.clear();
        acceptanceKeys.clear();
        published = 0;
        publishTerms();
        condition(Condition.WELL);
    }

    public synchronized void condition(Condition next) {
        condition = next;
        gate.open(next != Condition.DOWN);
    }

    public synchronized Condition condition() {
        return condition;
    }

    /** Publishes the next version of the terms: one paragraph reworded, one added. */
    public synchronized String publishTerms() {
        published++;
        termsVersion = "2026-" + String.format("%02d", published);
        termsEffective = LocalDate.of(2026, 7, 1).plusMonths(published);
        StringBuilder text = new StringBuilder("1. Records go only to registered districts.");
        for (int i = 2; i <= published + 1; i++) {
            text.append("\n\n").append(i).append(". Clause ").append(i).append(" as of version ").append(published);
        }
        termsText = text.toString();
        return termsVersion;
    }

    public synchronized String termsVersion() {
        return termsVersion;
    }

    /** The vendor's decision on the district's live registration; false when its state does not allow it. */
    public synchronized boolean decide(String decision) {
        Optional<Held> live = registrations.stream().filter(Held::live).reduce((a, b) -> b);
        if (live.isEmpty()) {
            return false;
        }
        Held held = live.get();
        switch (decision) {
            case "authorize" -> {
                return moveIf(held, "PENDING", "ACTIVE", "");
            }
            case "reject" -> {
                return moveIf(held, "PENDING", "REJECTED", "The district is not in the state directory.");
            }
            case "suspend" -> {
                return moveIf(held, "ACTIVE", "SUSPENDED", "Unpaid invoice.");
            }
            case "reinstate" -> {
                return moveIf(held, "SUSPENDED", "ACTIVE", "");
            }
            default -> throw new IllegalArgumentException(decision);
        }
    }

    private static boolean moveIf(Held held, String from, String to, String reason) {
        if (!held.state().equals(from)) {
            return false;
        }
        held.move(to, reason);
        return true;
    }

    public synchronized List<Held> registrations() {
        return List.copyOf(registrations);
    }

    public synchronized Optional<Held> byId(String id) {
        return registrations.stream().filter(r -> r.id.equals(id)).findFirst();
    }

    /** Whether a request with this idempotency key reached the router at all. */
    public synchronized boolean arrived(String key) {
        return arrived.contains(key);
    }

    /** Whether the router carried out a request with this idempotency key. */
    public synchronized boolean carriedOut(String key) {
        return carriedOut.contains(key);
    }

    /** The idempotency keys of the acceptances the router carried out. */
    public synchronized List<String> acceptanceKeys() {
        return List.copyOf(acceptanceKeys);
    }

    @Override
    public void close() {
        gate.close();
        server.stop();
    }

    /** Answers every request from the model's state, in the router's condition. */
    private final class Behaviour implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            if (request.getHeader("X-NRE-Signature") == null) {
                return serveEvent.getResponseDefinition(); // the signature check has answered already
            }
            synchronized (RouterDouble.this) {
                String key = request.getHeader("Idempotency-Key");
                if (key != null) {
                    arrived.add(key);
                }
                Condition now = condition;
                if (now == Condition.RESET || now == Condition.DOWN) {
                    return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER)
                            .build();
                }
                if (now == Condition.BUSY) {
                    return problem(503, "Busy").withHeader("Retry-After", "0").build();
                }
                ResponseDefinitionBuilder answer = answer(request, key);
                if (now == Condition.LOST) {
                    return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER)
                            .build();
                }
                if (now == Condition.SLOW) {
                    answer.withFixedDelay(slowMillis);
                }
                return answer.build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public String getName() {
            return "nre-router-double";
        }
    }

    private ResponseDefinitionBuilder answer(Request request, String key) {
        URI uri = URI.create(request.getUrl());
        String path = uri.getPath();
        String method = request.getMethod().value();
        Map<String, Object> body = body(request);
        if (key != null && replays.containsKey(method + " " + key)) {
            Replay replay = replays.get(method + " " + key);
            return json(replay.status(), replay.body());
        }
        ResponseDefinitionBuilder answer;
        if (method.equals("GET") && path.equals("/v1/terms/current")) {
            answer = json(200, write(Map.of("version", termsVersion, "effectiveDate", termsEffective.toString(),
                    "digest", "sha256:" + RouterStub.sha256(termsText.getBytes(StandardCharsets.UTF_8)),
                    "text", termsText)));
        } else if (method.equals("POST") && path.equals("/v1/registrations")) {
            answer = register(body);
        } else if (method.equals("GET") && path.equals("/v1/registrations")) {
            Map<String, String> query = query(uri);
            List<Object> found = new ArrayList<>();
            for (int i = registrations.size() - 1; i >= 0; i--) {
                Held held = registrations.get(i);
                if (held.districtId.equals(query.get("districtId")) && (!query.containsKey("clientReference")
                        || held.clientReference.equals(query.get("clientReference")))) {
                    found.add(representation(held));
                }
            }
            answer = json(200, write(Map.of("registrations", found)));
        } else if (path.startsWith("/v1/registrations/")) {
            String[] parts = path.substring("/v1/registrations/".length()).split("/");
            Optional<Held> held = byId(parts[0]);
            if (held.isEmpty()) {
                answer = problem(404, "There is no registration " + parts[0] + ".");
            } else if (parts.length == 1 && method.equals("GET")) {
                answer = json(200, write(representation(held.get())));
            } else if (parts.length == 1 && method.equals("DELETE")) {
                answer = withdraw(held.get());
            } else if (parts.length == 2 && parts[1].equals("terms-acceptances") && method.equals("POST")) {
                answer = accept(held.get(), body, key);
            } else if (parts.length == 2 && parts[1].equals("locality") && method.equals("PUT")) {
                held.get().locality = body;
                answer = json(200, write(representation(held.get())));
            } else {
                answer = problem(404, "Nothing at " + path + ".");
            }
        } else {
            answer = problem(404, "Nothing at " + path + ".");
        }
        if (key != null) {
            carriedOut.add(key);
            if (method.equals("POST")) {
                ResponseDefinition built = answer.build();
                replays.put(method + " " + key, new Replay(built.getStatus(), built.getBody()));
            }
        }
        return answer;
    }

    private ResponseDefinitionBuilder register(Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> terms = (Map<String, Object>) body.get("terms");
        if (terms == null || !termsVersion.equals(terms.get("version"))) {
            return problem(422, "Accept the current terms (" + termsVersion + ") and register again.");
        }
        String district = (String) body.get("districtId");
        Optional<Held> live = registrations.stream().filter(r -> r.districtId.equals(district)).filter(Held::live)
                .findFirst();
        if (live.isPresent()) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", "Conflict");
            problem.put("status", 409);
            problem.put("detail", "The district already has a live registration.");
            problem.put("registration", representation(live.get()));
            return json(409, write(problem));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> by = (Map<String, Object>) body.get("registeredBy");
        @SuppressWarnings("unchecked")
        Map<String, Object> locality = (Map<String, Object>) body.get("locality");
        Held held = new Held("reg-" + (registrations.size() + 1), district, (String) body.get("clientReference"),
                (String) by.get("id"), (String) by.get("name"), termsVersion, locality);
        registrations.add(held);
        return json(202, write(representation(held)));
    }

    private ResponseDefinitionBuilder withdraw(Held held) {
        if (held.state().equals("REJECTED")) {
            return problem(409, "The registration was rejected; there is nothing to withdraw.");
        }
        if (held.live()) {
            held.move("DEREGISTERED", "");
        }
        return json(200, write(representation(held)));
    }

    private ResponseDefinitionBuilder accept(Held held, Map<String, Object> body, String key) {
        if (!termsVersion.equals(body.get("version"))) {
            return problem(409, "Version " + body.get("version") + " is not the current terms (" + termsVersion + ").");
        }
        held.termsVersion = termsVersion;
        acceptanceKeys.add(key);
        return json(201, write(representation(held)));
    }

    private Map<String, Object> representation(Held held) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", held.id);
        json.put("districtId", held.districtId);
        json.put("clientReference", held.clientReference);
        json.put("state", held.state());
        json.put("reason", held.reason.isEmpty() ? null : held.reason);
        json.put("termsVersion", held.termsVersion);
        json.put("registeredBy", Map.of("id", held.registeredById, "name", held.registeredByName));
        json.put("applicationName", "med1");
        json.put("sourceAddress", "127.0.0.1");
        json.put("createdAt", clock.instant().toString());
        json.put("updatedAt", clock.instant().toString());
        return json;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static Map<String, Object> body(Request request) {
        byte[] bytes = request.getBody();
        if (bytes == null || bytes.length == 0) {
            return Map.of();
        }
        try {
            return JSON.std.mapFrom(bytes);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String write(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder problem(int status, String detail) {
        return json(status, write(Map.of("type", "about:blank", "title", "Problem", "status", status,
                "detail", detail)));
    }
}
