package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays the vendor on the simulated router's panel through the console's JSON API, as a script would: the
 * simulated router is a plugin, and its panel is the vendor's side.
 */
public final class Vendor {

    public static final String PLUGIN = "simulated-router";
    public static final String PANEL = "simulated-router";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebClient client;

    /**
     * The vendor's side as a user who holds the simulated router's right.
     *
     * @param client a signed-in client
     */
    public Vendor(WebClient client) {
        this.client = client;
    }

    /** The panel's facts: {@code url}, {@code terms} and {@code registrations}, newest first. */
    public JsonNode state() {
        WebClient.Response panel = client.get("/api/panels/" + PANEL);
        assertThat(panel.status()).as(panel.body()).isEqualTo(200);
        try {
            return JSON.readTree(panel.body()).path("data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The router's base URL, such as {@code http://127.0.0.1:40123}. */
    public String url() {
        return state().path("url").asText();
    }

    /** The id of the newest registration, which must be there. */
    public String newest() {
        JsonNode registrations = state().path("registrations");
        assertThat(registrations).as("a registration at the router").isNotEmpty();
        return registrations.get(0).path("id").asText();
    }

    /** The id of the newest registration in the given state, or null. */
    public String registrationIn(String state) {
        for (JsonNode registration : state().path("registrations")) {
            if (registration.path("state").asText().equals(state)) {
                return registration.path("id").asText();
            }
        }
        return null;
    }

    /** Authorizes, rejects, suspends or reinstates a registration; the answer as the API gave it. */
    public WebClient.Response decide(String registrationId, String decision, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("registration", registrationId);
        body.put("reason-" + registrationId.replaceFirst("^reg_", ""), reason);
        return client.postJson("/api/panels/" + PANEL + "/actions/" + decision, json(body), client.apiCsrfToken());
    }

    /** Decides on the newest registration in the given state, which must be there, and checks it was done. */
    public void decideOn(String state, String decision, String reason) {
        String id = registrationIn(state);
        assertThat(id).as("a registration that is " + state + " at the router").isNotNull();
        WebClient.Response decided = decide(id, decision, reason);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    /** Publishes new terms; the answer as the API gave it. */
    public WebClient.Response publish(String version, String effectiveDate, String text) {
        return client.postJson("/api/panels/" + PANEL + "/actions/publish-terms",
                json(Map.of("version", version, "effective", effectiveDate, "text", text)), client.apiCsrfToken());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
