package org.nre.plugin.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    @Test
    void aLookUpSignsTheMethodPathQueryTimestampAndEmptyBodyDigestAsTheContractDocuments() {
        // The vector in docs/router-api.openapi.yaml, computed apart from this code.
        Map<String, String> headers = new RequestSigner("IL-0150-KEY", "example-secret").headers("GET",
                "/v1/registrations?districtId=IL-0150", new byte[0], Instant.ofEpochSecond(1795892684));

        assertThat(headers).containsEntry("X-NRE-Key", "IL-0150-KEY")
                .containsEntry("X-NRE-Timestamp", "1795892684")
                .containsEntry("X-NRE-Content-SHA256",
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
                .containsEntry("X-NRE-Signature", "v1=H5GiTMOlKxbVCGRcOIxjIQdVkARy543M9nt07gu81UQ=");
    }

    @Test
    void anyChangeToTheBodyChangesItsDigestAndSignature() {
        RequestSigner signer = new RequestSigner("k", "a-shared-secret-of-some-length");
        Instant at = Instant.ofEpochSecond(1795892684);
        Map<String, String> first = signer.headers("POST", "/v1/registrations",
                "{\"districtId\":\"A\"}".getBytes(StandardCharsets.UTF_8), at);
        Map<String, String> second = signer.headers("POST", "/v1/registrations",
                "{\"districtId\":\"B\"}".getBytes(StandardCharsets.UTF_8), at);

        assertThat(first.get("X-NRE-Content-SHA256")).isNotEqualTo(second.get("X-NRE-Content-SHA256"));
        assertThat(first.get("X-NRE-Signature")).isNotEqualTo(second.get("X-NRE-Signature"));
        assertThat(first.values()).noneMatch(v -> v.contains("a-shared-secret"));
    }

    @Test
    void theSettingsNeverShowTheSecret() {
        RouterSettings settings = new RouterSettings(java.net.URI.create("https://router.example"), "k",
                "a-shared-secret-of-some-length");
        assertThat(settings.toString()).doesNotContain("a-shared-secret");
    }

    @Test
    void aRouterUrlMustBeHttpsUnlessItIsOnThisMachine() {
        assertThat(RouterSettings.urlProblem("https://router.nre.example")).isNull();
        assertThat(RouterSettings.urlProblem("http://localhost:8090")).contains("Use https");
        assertThat(RouterSettings.urlProblem("http://127.0.0.1:8090/nre")).isNull();
        assertThat(RouterSettings.urlProblem("http://router.nre.example")).contains("Use https");
        assertThat(RouterSettings.urlProblem("ftp://router")).contains("absolute https");
        assertThat(RouterSettings.urlProblem("router.nre.example")).contains("absolute https");
        assertThat(RouterSettings.urlProblem("https://router.nre.example/?x=1")).contains("query");
    }
}
