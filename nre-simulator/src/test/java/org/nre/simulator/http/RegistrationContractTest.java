package org.nre.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.simulator.store.RegistrationState;
import org.nre.simulator.store.Terms;
import org.nre.simulator.testing.RunningRouter;
import org.nre.simulator.testing.SignedClient.Reply;

/** The registration contract of docs/router-api.md, over real HTTP with signed requests. */
class RegistrationContractTest {

    static final String DISTRICT = "IL-0150";
    static final String REFERENCE = "5d0c1a52-7b1e-4c3a-9f0e-2a6b8c4d1e90";

    private final RunningRouter router = new RunningRouter();

    @AfterEach
    void stop() {
        router.close();
    }

    private Reply register(String key) {
        return router.client.post("/v1/registrations", router.registration(DISTRICT, REFERENCE), key);
    }

    @Test
    void theCurrentTermsComeWithTheirDigest() {
        Reply reply = router.client.get("/v1/terms/current");

        Terms terms = router.store.currentTerms().orElseThrow();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.body()).containsEntry("version", "2026-07").containsEntry("effectiveDate", "2026-07-01")
                .containsEntry("digest", terms.digest()).containsEntry("text", terms.text());
        assertThat(terms.digest()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void aRegistrationIsReceivedAsPending() {
        Reply reply = register("key-1");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).containsEntry("districtId", DISTRICT).containsEntry("clientReference", REFERENCE)
                .containsEntry("state", "PENDING").containsEntry("reason", null)
                .containsEntry("termsVersion", "2026-07")
                .containsEntry("applicationName", "med1").containsEntry("sourceAddress", "10.2.0.15")
                .containsEntry("createdAt", "2026-11-28T19:04:44Z");
        assertThat(reply.member("registeredBy")).containsEntry("id", "jdoe").containsEntry("name", "Doe, Jane");
        assertThat((String) reply.body().get("id")).startsWith("reg_");
        assertThat(router.store.find((String) reply.body().get("id")).orElseThrow().cities())
                .isEqualTo("Chatham, Springfield");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswer() {
        Reply first = register("key-1");
        router.clock.advance(Duration.ofMinutes(1));

        Reply again = register("key-1");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(router.store.ofDistrict(DISTRICT)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyUsedWithAnotherBodyIsRefused() {
        register("key-1");
        Map<String, Object> other = new HashMap<>(router.registration(DISTRICT, REFERENCE));
        other.put("districtName", "Another name");

        Reply reply = router.client.post("/v1/registrations", other, "key-1");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).containsEntry("title", "Idempotency-Key reused");
    }

    @Test
    void aRegistrationWithoutIdempotencyKeyIsRefused() {
        Reply reply = router.client.post("/v1/registrations", router.registration(DISTRICT, REFERENCE), null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).containsEntry("title", "Missing Idempotency-Key");
    }

    @Test
    void aSecondRegistrationWhileOneIsLiveIsAConflictWithTheLiveOne() {
        Reply first = register("key-1");

        Reply second = router.client.post("/v1/registrations", router.registration(DISTRICT, "another-reference"),
                "key-2");

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).isEqualTo("application/problem+json");
        assertThat(second.body()).containsEntry("detail", "The district already has a registration (PENDING).");
        assertThat(second.member("registration")).containsEntry("id", first.body().get("id"));
    }

    @Test
    void aRejectedDistrictRegistersAgain() {
        String rejected = (String) register("key-1").body().get("id");
        router.store.move(rejected, List.of(RegistrationState.PENDING), RegistrationState.REJECTED, "Unknown district");

        Reply again = router.client.post("/v1/registrations", router.registration(DISTRICT, "second-reference"),
                "key-2");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("id")).isNotEqualTo(rejected);
        Reply lookUp = router.client.get("/v1/registrations?districtId=" + DISTRICT);
        assertThat((List<?>) lookUp.body().get("registrations")).hasSize(2);
        assertThat(router.client.get("/v1/registrations/" + rejected).body()).containsEntry("state", "REJECTED")
                .containsEntry("reason", "Unknown district");
    }

    @Test
    void registeringWithTermsThatAreNotCurrentIsRefused() {
        Map<String, Object> body = new HashMap<>(router.registration(DISTRICT, REFERENCE));
        body.put("terms", Map.of("version", "2025-01", "digest", "sha256:00", "acceptedAt", "2026-11-28T19:04:40Z"));

        Reply reply = router.client.post("/v1/registrations", body, "key-1");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body()).containsEntry("title", "Terms not current");
    }

    @Test
    void aWithdrawnRegistrationIsDeregisteredAndTheDistrictMayRegisterAgain() {
        String id = (String) register("key-1").body().get("id");

        Reply withdrawn = router.client.delete("/v1/registrations/" + id, "key-2");
        Reply repeated = router.client.delete("/v1/registrations/" + id, "key-3");

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.body()).containsEntry("state", "DEREGISTERED");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(router.client.post("/v1/registrations", router.registration(DISTRICT, "new-reference"), "key-4")
                .status()).isEqualTo(202);
    }

    @Test
    void aRejectedRegistrationCannotBeWithdrawn() {
        String id = (String) register("key-1").body().get("id");
        router.store.move(id, List.of(RegistrationState.PENDING), RegistrationState.REJECTED, "Unknown district");

        Reply reply = router.client.delete("/v1/registrations/" + id, "key-2");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body()).containsEntry("title", "Rejected");
    }

    @Test
    void newTermsAreAcceptedForARegistration() {
        String id = (String) register("key-1").body().get("id");
        router.clock.advance(Duration.ofDays(1));
        router.store.publish("2027-01", java.time.LocalDate.of(2027, 1, 1), "New terms.");
        Terms current = router.store.currentTerms().orElseThrow();

        Reply reply = router.client.post("/v1/registrations/" + id + "/terms-acceptances", Map.of("version",
                current.version(), "digest", current.digest(), "acceptedBy", Map.of("id", "jdoe", "name", "Doe, Jane"),
                "acceptedAt", "2026-12-20T15:00:00Z"), "key-2");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).containsEntry("termsVersion", "2027-01");
        assertThat(router.count("SELECT COUNT(*) FROM sim_acceptance")).isEqualTo(1);
    }

    @Test
    void acceptingTermsThatAreNotCurrentIsAConflict() {
        String id = (String) register("key-1").body().get("id");

        Reply reply = router.client.post("/v1/registrations/" + id + "/terms-acceptances", Map.of("version",
                "2025-01", "digest", "sha256:00", "acceptedBy", Map.of("id", "jdoe", "name", "Doe, Jane"),
                "acceptedAt", "2026-12-20T15:00:00Z"), "key-2");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body()).containsEntry("title", "Terms not current");
    }

    @Test
    void theLocalityIsReplaced() {
        String id = (String) register("key-1").body().get("id");

        Reply reply = router.client.put("/v1/registrations/" + id + "/locality", Map.of("cities", List.of("Rochester"),
                "postalCodes", List.of()), "key-2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(router.store.find(id).orElseThrow()).satisfies(r -> {
            assertThat(r.cities()).isEqualTo("Rochester");
            assertThat(r.postalCodes()).isEmpty();
        });
    }

    @Test
    void aLookUpByTheConsolesReferenceFindsOnlyThatRegistration() {
        register("key-1");

        Reply found = router.client.get("/v1/registrations?districtId=" + DISTRICT + "&clientReference=" + REFERENCE);
        Reply none = router.client.get("/v1/registrations?districtId=" + DISTRICT + "&clientReference=other");
        Reply missing = router.client.get("/v1/registrations");

        assertThat((List<?>) found.body().get("registrations")).hasSize(1);
        assertThat((List<?>) none.body().get("registrations")).isEmpty();
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void anUnknownRegistrationIsNotFound() {
        Reply reply = router.client.get("/v1/registrations/reg_nothing");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).containsEntry("detail", "There is no registration reg_nothing.");
    }

    @Test
    void anUnknownPathIsNotFound() {
        Reply reply = router.client.get("/v1/nothing/here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body()).containsEntry("detail", "There is nothing at /v1/nothing/here.");
    }
}
