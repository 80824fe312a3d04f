package org.nre.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.simulator.testing.RunningRouter;
import org.nre.simulator.testing.SignedClient.Reply;

class RequestLimitsTest {

    static final int JUST_OVER_THE_LIMIT = RouterHandler.MAX_BODY_BYTES + 1;
    static final int AS_MUCH_AS_IS_DRAINED = (int) RouterHandler.MAX_DRAINED_BYTES;
    static final int MORE_THAN_IS_DRAINED = 8 * (int) RouterHandler.MAX_DRAINED_BYTES;

    private final RunningRouter router = new RunningRouter();

    @AfterEach
    void stop() {
        router.close();
    }

    private Reply postBodyOf(int bytes) {
        byte[] body = ("{\"padding\":\"" + "x".repeat(bytes - 14) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(bytes);
        return router.client.send("POST", "/v1/registrations", body, "key-1");
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        Reply reply = postBodyOf(JUST_OVER_THE_LIMIT);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).containsEntry("title", "Payload Too Large");
        assertThat(router.store.all()).isEmpty();
    }

    @Test
    void aBodyFourTimesTheLimitIsReadToItsEndAndRefused() {
        assertThat(postBodyOf(AS_MUCH_AS_IS_DRAINED).status()).isEqualTo(413);
    }

    @Test
    void aFarLargerBodyIsNotReadAndTheRouterAnswersOn() {
        // The router answers 413 and closes the connection without reading on: the client sees the answer or,
        // still sending, a reset.
        try {
            assertThat(postBodyOf(MORE_THAN_IS_DRAINED).status()).isEqualTo(413);
        } catch (IllegalStateException reset) {
            assertThat(reset).hasMessageContaining("IOException");
        }

        assertThat(router.store.all()).isEmpty();
        assertThat(router.client.get("/v1/terms/current").status()).isEqualTo(200);
    }

    @Test
    void aBodyAtTheLimitIsRead() {
        Reply reply = postBodyOf(RouterHandler.MAX_BODY_BYTES);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).containsEntry("detail", "'districtId' must be text of 1 to 64 characters.");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Reply reply = router.client.send("POST", "/v1/registrations", "{not json".getBytes(StandardCharsets.UTF_8),
                "key-1");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).containsEntry("detail", "The body is not valid JSON.");
    }

    @Test
    void theRouterListensOnTheLoopbackAddressOnly() {
        assertThat(router.server.url().getHost()).isEqualTo("127.0.0.1");
    }
}
