package org.nre.sample.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Reads a JSON API request's body, refusing anything but a JSON object with a 400 that says so. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode object(Context ctx, ObjectMapper json) {
        String text = ctx.body();
        try {
            JsonNode node = json.readTree(text.isBlank() ? "{}" : text);
            if (node == null || !node.isObject()) {
                throw new Guard.Refusal(400, "The request body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Guard.Refusal(400, "The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
