package org.nre.simulator.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.nre.router.protocol.RequestSigner;

/** A router client over real HTTP that signs as the NRE plugin's client does, or not at all. */
public final class SignedClient {

    /** An answer: its status, content type, headers and body parsed as a JSON object (empty map when none). */
    public record Reply(int status, String contentType, Map<String, String> headers, Map<String, Object> body) {

        @SuppressWarnings("unchecked")
        public Map<String, Object> member(String name) {
            return (Map<String, Object>) body.get(name);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final Optional<RequestSigner> signer;
    private final Clock clock;

    private SignedClient(URI base, Optional<RequestSigner> signer, Clock clock) {
        this.base = base;
        this.signer = signer;
        this.clock = clock;
    }

    public static SignedClient signed(URI base, String key, String secret, Clock clock) {
        return new SignedClient(base, Optional.of(new RequestSigner(key, secret)), clock);
    }

    public static SignedClient unsigned(URI base, Clock clock) {
        return new SignedClient(base, Optional.empty(), clock);
    }

    public Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, new byte[0], null);
    }

    public Reply post(String pathAndQuery, Map<String, ?> body, String idempotencyKey) {
        return send("POST", pathAndQuery, json(body), idempotencyKey);
    }

    public Reply put(String pathAndQuery, Map<String, ?> body, String idempotencyKey) {
        return send("PUT", pathAndQuery, json(body), idempotencyKey);
    }

    public Reply delete(String pathAndQuery, String idempotencyKey) {
        return send("DELETE", pathAndQuery, new byte[0], idempotencyKey);
    }

    public Reply send(String method, String pathAndQuery, byte[] body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body.length > 0) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        signer.ifPresent(s -> s.headers(method, pathAndQuery, body, clock.instant()).forEach(request::header));
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    values.get(0)));
            return new Reply(response.statusCode(), headers.getOrDefault("content-type", ""), headers,
                    response.body().isEmpty() ? Map.of() : JSON.std.mapFrom(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("The request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Map<String, ?> body) {
        try {
            return JSON.std.asBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
