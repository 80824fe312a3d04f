package org.nre.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.simulator.testing.RunningRouter;
import org.nre.simulator.testing.SignedClient;

class SignedRequestsTest {

    static final Duration LONGER_THAN_ALLOWED_SKEW = Duration.ofSeconds(RouterHandler.MAX_CLOCK_SKEW_SECONDS + 1);

    private final RunningRouter router = new RunningRouter();

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void anUnsignedRequestIsRefused() {
        SignedClient.Reply reply = SignedClient.unsigned(router.server.url(), router.clock).get("/v1/terms/current");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body()).containsEntry("title", "Unsigned request").containsEntry("status", 401);
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefused() {
        SignedClient.Reply reply = SignedClient.signed(router.server.url(), "SIM-SOMEONEELSE",
                RunningRouter.CREDENTIALS.sharedSecret(), router.clock).get("/v1/terms/current");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).containsEntry("title", "Unknown key");
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefused() {
        SignedClient.Reply reply = SignedClient.signed(router.server.url(), RunningRouter.CREDENTIALS.districtKey(),
                "not-the-secret-the-vendor-issued", router.clock).get("/v1/terms/current");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).containsEntry("title", "Bad signature");
    }

    @Test
    void aStaleSignatureIsRefused() {
        SignedClient stale = SignedClient.signed(router.server.url(), RunningRouter.CREDENTIALS.districtKey(),
                RunningRouter.CREDENTIALS.sharedSecret(), java.time.Clock.fixed(router.clock.instant()
                        .minus(LONGER_THAN_ALLOWED_SKEW), java.time.ZoneOffset.UTC));

        assertThat(stale.get("/v1/terms/current").body()).containsEntry("title", "Stale timestamp");
    }

    @Test
    void theQueryStringIsPartOfTheSignature() {
        SignedClient.Reply reply = router.client.get("/v1/registrations?districtId=IL-0150&clientReference=a%20b");

        assertThat(reply.status()).isEqualTo(200);
    }
}
