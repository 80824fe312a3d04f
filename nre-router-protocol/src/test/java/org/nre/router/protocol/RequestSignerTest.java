package org.nre.router.protocol;

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
    void aSignedRequestPassesTheRoutersCheckAndAnyChangeToItIsRefusedWithWhy() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        byte[] body = "{\"districtId\":\"IL-0150\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new RequestSigner("IL-0150-KEY", "a-shared-secret-of-some-length")
                .headers("POST", "/v1/registrations", body, now);
        SignatureCheck.Signed signed = new SignatureCheck.Signed(headers.get(RequestSigner.KEY_HEADER),
                headers.get(RequestSigner.TIMESTAMP_HEADER), headers.get(RequestSigner.CONTENT_HEADER),
                headers.get(RequestSigner.SIGNATURE_HEADER));

        assertThat(check(signed, "/v1/registrations", body, "a-shared-secret-of-some-length", now)).isEmpty();
        assertThat(check(signed, "/v1/registrations?x=1", body, "a-shared-secret-of-some-length", now))
                .map(SignatureCheck.Failure::title).contains("Bad signature");
        assertThat(check(signed, "/v1/registrations", "{}".getBytes(StandardCharsets.UTF_8),
                "a-shared-secret-of-some-length", now)).map(SignatureCheck.Failure::title)
                .contains("Body digest mismatch");
        assertThat(check(signed, "/v1/registrations", body, "another-secret-of-some-length", now))
                .map(SignatureCheck.Failure::title).contains("Bad signature");
        assertThat(check(signed, "/v1/registrations", body, "a-shared-secret-of-some-length",
                now.plusSeconds(301))).map(SignatureCheck.Failure::title).contains("Stale timestamp");
        assertThat(check(new SignatureCheck.Signed(signed.key(), null, signed.bodyDigest(), signed.signature()),
                "/v1/registrations", body, "a-shared-secret-of-some-length", now))
                .map(SignatureCheck.Failure::detail).hasValueSatisfying(d -> assertThat(d).contains("X-NRE-Timestamp"));
        assertThat(SignatureCheck.check(signed, "POST", "/v1/registrations", body, "OTHER-KEY",
                "a-shared-secret-of-some-length", now, 300)).map(SignatureCheck.Failure::title).contains("Unknown key");
    }

    private static java.util.Optional<SignatureCheck.Failure> check(SignatureCheck.Signed signed, String path,
                                                                    byte[] body, String secret, Instant now) {
        return SignatureCheck.check(signed, "POST", path, body, "IL-0150-KEY", secret, now, 300);
    }
}
