package org.nre.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nre.router.protocol.RequestSigner;
import org.nre.router.protocol.SignatureCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each request (its body within the limit), checks its signature, routes it to a resource and writes the
 * answer: JSON, or a problem document for every refusal.
 */
final class RouterHandler implements HttpHandler {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final long MAX_CLOCK_SKEW_SECONDS = 300;
    // A body a little over the limit is read to its end, so that the client gets the 413 rather than a reset it
    // cannot tell from a network failure; a far larger one is not worth reading.
    static final long MAX_DRAINED_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RouterHandler.class);

    private final RouterResources resources;
    private final RouterCredentials credentials;
    private final Clock clock;

    RouterHandler(RouterResources resources, RouterCredentials credentials, Clock clock) {
        this.resources = resources;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer;
            try {
                answer = answer(read(exchange));
            } catch (Refusal refusal) {
                answer = refusal.answer();
            } catch (RuntimeException e) {
                LOG.error("The simulated router failed to answer {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e);
                answer = Answer.problem(500, "Internal error", "The simulated router failed; see the console's log.");
            }
            send(exchange, answer);
        }
    }

    Answer answer(RouterRequest request) {
        if (request.rawPath().startsWith("/v1/")) {
            verify(request);
        }
        List<String> path = Arrays.stream(request.rawPath().split("/")).filter(part -> !part.isEmpty()).toList();
        String method = request.method();
        if (path.equals(List.of("v1", "terms", "current")) && method.equals("GET")) {
            return resources.terms();
        }
        if (path.size() >= 2 && path.get(0).equals("v1") && path.get(1).equals("registrations")) {
            if (path.size() == 2 && method.equals("POST")) {
                return resources.register(request);
            }
            if (path.size() == 2 && method.equals("GET")) {
                return resources.lookUp(request);
            }
            String id = path.size() > 2 ? decoded(path.get(2)) : "";
            if (path.size() == 3 && method.equals("GET")) {
                return resources.one(id);
            }
            if (path.size() == 3 && method.equals("DELETE")) {
                return resources.deregister(id);
            }
            if (path.size() == 4 && path.get(3).equals("terms-acceptances") && method.equals("POST")) {
                return resources.acceptTerms(id, request);
            }
            if (path.size() == 4 && path.get(3).equals("locality") && method.equals("PUT")) {
                return resources.locality(id, request);
            }
        }
        return Answer.problem(404, "Not Found", "There is nothing at " + request.rawPath() + ".");
    }

    private void verify(RouterRequest request) {
        SignatureCheck.check(new SignatureCheck.Signed(request.header(RequestSigner.KEY_HEADER),
                        request.header(RequestSigner.TIMESTAMP_HEADER), request.header(RequestSigner.CONTENT_HEADER),
                        request.header(RequestSigner.SIGNATURE_HEADER)), request.method(), request.pathAndQuery(),
                request.body(), credentials.districtKey(), credentials.sharedSecret(), clock.instant(),
                MAX_CLOCK_SKEW_SECONDS).ifPresent(failure -> {
                    throw new Refusal(401, failure.title(), failure.detail());
                });
    }

    private static RouterRequest read(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        String query = exchange.getRequestURI().getRawQuery();
        return new RouterRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), query == null ? "" : query, headers,
                body(exchange, headers.get("content-length")));
    }

    private static byte[] body(HttpExchange exchange, String declaredLength) throws IOException {
        InputStream in = exchange.getRequestBody();
        long declared = declaredLength == null ? -1 : parseLength(declaredLength);
        if (declared > MAX_BODY_BYTES) {
            if (declared <= MAX_DRAINED_BYTES) {
                drain(in);
            }
            throw tooLarge();
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            drain(in);
            throw tooLarge();
        }
        return body;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
            left -= read;
        }
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Refusal(400, "Bad Content-Length", "Content-Length must be a whole number of bytes.");
        }
    }

    private static Refusal tooLarge() {
        return new Refusal(413, "Payload Too Large", "The body is larger than " + MAX_BODY_BYTES / 1024
                + " KiB, the most the router reads.", Map.of("Connection", "close"));
    }

    private static String decoded(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, "Bad path", "The path is not valid percent-encoding.");
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = JsonBodies.write(answer.document());
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
