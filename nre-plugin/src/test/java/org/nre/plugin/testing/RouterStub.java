package org.nre.plugin.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WireMock on a dynamic port playing the router. Like the real router it checks every request's signature
 * (key, body digest, HMAC, timestamp within five minutes of its clock) and answers 401 otherwise, so a stub
 * is reached only by a correctly signed request.
 */
public final class RouterStub implements AutoCloseable {

    public static final String KEY = "IL-0150-KEY";
    public static final String SECRET = "a-shared-secret-of-some-length";
    public static final String TERMS_TEXT = "1. The district shares student records only with registered districts."
            + "\n\n2. The vendor may update these terms with fifteen days' notice.";

    private final WireMockServer server;

    public RouterStub(Clock clock) {
        server = new WireMockServer(options().dynamicPort().templatingEnabled(true).globalTemplating(false)
                .extensions(new SignatureCheck(clock)));
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder problem(int status, String title, String detail) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
    }

    public static String terms(String version, String effectiveDate, String text) {
        String digest = "sha256:" + sha256(text.getBytes(StandardCharsets.UTF_8));
        return "{\"version\":\"" + version + "\",\"effectiveDate\":\"" + effectiveDate + "\",\"digest\":\"" + digest
                + "\",\"text\":\"" + text.replace("\n", "\\n") + "\"}";
    }

    public static String registration(String id, String state, String reason) {
        return registration(id, state, reason, null);
    }

    /**
     * A registration as the router reports it.
     *
     * @param clientReference the console's reference it carries, or null to leave it out
     */
    public static String registration(String id, String state, String reason, String clientReference) {
        return "{\"id\":\"" + id + "\",\"districtId\":\"IL-0150\","
                + (clientReference == null ? "" : "\"clientReference\":\"" + clientReference + "\",")
                + "\"state\":\"" + state + "\",\"reason\":"
                + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"termsVersion\":\"2026-07\",\"registeredBy\":{\"id\":\"jdoe\",\"name\":\"Doe, Jane\"},"
                + "\"createdAt\":\"2026-11-28T19:04:44Z\",\"updatedAt\":\"2026-11-28T19:04:44Z\"}";
    }

    /** A look-up's answer holding the registration, carrying the reference the look-up asked for. */
    public static ResponseDefinitionBuilder lookUpFinding(String id, String state) {
        return json(200, "{\"registrations\":[" + registration(id, state, null, "{{request.query.clientReference}}")
                + "]}").withTransformers("response-template");
    }

    /** A registration's answer carrying the reference and the person the registration request sent. */
    public static ResponseDefinitionBuilder registered(int status, String id, String state) {
        return json(status, registration(id, state, null, "{{jsonPath request.body '$.clientReference'}}")
                .replace("{\"id\":\"jdoe\",\"name\":\"Doe, Jane\"}", "{\"id\":\"{{jsonPath request.body "
                        + "'$.registeredBy.id'}}\",\"name\":\"{{jsonPath request.body '$.registeredBy.name'}}\"}"))
                .withTransformers("response-template");
    }

    @Override
    public void close() {
        server.stop();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The router's side of the signature scheme in docs/router-api.md, written apart from the plugin's. */
    static final class SignatureCheck implements StubRequestFilterV2 {

        private final Clock clock;

        SignatureCheck(Clock clock) {
            this.clock = clock;
        }

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            String key = request.getHeader("X-NRE-Key");
            String timestamp = request.getHeader("X-NRE-Timestamp");
            String digest = request.getHeader("X-NRE-Content-SHA256");
            String signature = request.getHeader("X-NRE-Signature");
            if (!KEY.equals(key) || timestamp == null || digest == null || signature == null) {
                return refuse("Unknown key or missing signature headers");
            }
            byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
            if (!digest.equals(sha256(body))) {
                return refuse("The body does not match X-NRE-Content-SHA256");
            }
            long signedAt;
            try {
                signedAt = Long.parseLong(timestamp);
            } catch (NumberFormatException e) {
                return refuse("X-NRE-Timestamp is not a number");
            }
            if (Math.abs(clock.instant().getEpochSecond() - signedAt) > 300) {
                return refuse("Stale timestamp");
            }
            String canonical = request.getMethod().value() + "\n" + request.getUrl() + "\n" + timestamp + "\n" + digest;
            String expected = "v1=" + hmac(canonical);
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8))) {
                return refuse("Bad signature");
            }
            return RequestFilterAction.continueWith(request);
        }

        private static RequestFilterAction refuse(String detail) {
            return RequestFilterAction.stopWith(problem(401, "Unauthorized", detail).build());
        }

        private static String hmac(String canonical) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String getName() {
            return "nre-signature-check";
        }
    }

    public static Instant start() {
        return Instant.parse("2026-11-28T19:04:44Z");
    }
}
