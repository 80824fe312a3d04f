package org.nre.plugin.router;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bound on an answer's size, at its edge, whether or not the answer declares its length. */
class RouterClientAnswerSizeTest {

    static final int LIMIT = 1024;
    static final String REGISTRATION = "{\"id\":\"reg-1\",\"districtId\":\"IL-0150\",\"state\":\"ACTIVE\","
            + "\"reason\":null,\"termsVersion\":\"2026-07\",\"createdAt\":\"2026-11-28T19:04:44Z\","
            + "\"updatedAt\":\"2026-11-28T19:04:44Z\"}";

    WireMockServer router;
    RouterClient client;

    @BeforeEach
    void start() {
        router = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        router.start();
        RouterPolicy policy = new RouterPolicy(Duration.ofMillis(500), Duration.ofSeconds(2), 1, 1,
                Duration.ofMillis(10), Duration.ofMillis(50), 10, 5, Duration.ofSeconds(60), LIMIT);
        client = new RouterClient(new RouterSettings(URI.create("http://127.0.0.1:" + router.port()), "key", "a-shared-secret"), policy,
                Clock.systemUTC(), new SplittableRandom(1), new RouterClient.Health() {
                    @Override
                    public void reached(Instant at) {
                    }

                    @Override
                    public void unreachable(Instant at, String message) {
                    }
                });
    }

    @AfterEach
    void stop() {
        router.stop();
    }

    @Test
    void anAnswerOfExactlyTheLimitIsRead() {
        answer(padded(LIMIT));

        RouterResult<RouterRegistration> result = client.registration("reg-1", RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.Ok.class);
        assertThat(((RouterResult.Ok<RouterRegistration>) result).value().id()).isEqualTo("reg-1");
    }

    @Test
    void anAnswerOneByteOverTheLimitIsRefusedThoughItDoesNotDeclareItsLength() {
        // Sent in chunks, with no Content-Length: only counting what arrives finds it too large.
        router.stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(json(padded(LIMIT + 1))
                .withChunkedDribbleDelay(4, 20)));

        RouterResult<RouterRegistration> result = client.registration("reg-1", RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.Malformed.class);
        assertThat(result.message()).contains("larger than 1 KiB");
    }

    @Test
    void anAnswerThatDeclaresMoreThanTheLimitIsRefused() {
        String body = padded(LIMIT * 2);
        router.stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(json(body)
                .withHeader("Content-Length", Integer.toString(body.length()))));

        RouterResult<RouterRegistration> result = client.registration("reg-1", RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.Malformed.class);
        assertThat(result.message()).contains("larger than 1 KiB");
    }

    private void answer(String body) {
        router.stubFor(get(urlEqualTo("/v1/registrations/reg-1")).willReturn(json(body)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The registration, padded with JSON whitespace to exactly {@code bytes}. */
    private static String padded(int bytes) {
        return REGISTRATION.substring(0, REGISTRATION.length() - 1) + " ".repeat(bytes - REGISTRATION.length()) + "}";
    }
}
