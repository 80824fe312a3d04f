package org.nre.router.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a signed router request the way the router does (docs/router-api.md): the four headers present, the
 * district key known, the timestamp within the allowed skew, the body's digest, then the signature, compared in
 * constant time. The same scheme as {@link RequestSigner}, in one place.
 */
public final class SignatureCheck {

    /** Why a request is refused: a short title and what to do, for a 401 problem document. */
    public record Failure(String title, String detail) {
    }

    /** The signature headers of a request, as received (any may be null). */
    public record Signed(String key, String timestamp, String bodyDigest, String signature) {
    }

    private SignatureCheck() {
    }

    /**
     * @param signed the request's signature headers
     * @param method the request's method
     * @param pathAndQuery the request's path, with {@code ?} and its query when it has one
     * @param body the request's body, empty when none
     * @param districtKey the key the router knows
     * @param sharedSecret that key's shared secret
     * @param now the router's clock
     * @param maxSkewSeconds how far the timestamp may be from {@code now}
     * @return why the request is refused, or empty when its signature holds
     */
    public static Optional<Failure> check(Signed signed, String method, String pathAndQuery, byte[] body,
                                          String districtKey, String sharedSecret, Instant now,
                                          long maxSkewSeconds) {
        if (signed.key() == null || signed.timestamp() == null || signed.bodyDigest() == null
                || signed.signature() == null) {
            return Optional.of(new Failure("Unsigned request", "Sign the request: " + RequestSigner.KEY_HEADER
                    + ", " + RequestSigner.TIMESTAMP_HEADER + ", " + RequestSigner.CONTENT_HEADER + " and "
                    + RequestSigner.SIGNATURE_HEADER + " are required."));
        }
        if (!signed.key().equals(districtKey)) {
            return Optional.of(new Failure("Unknown key", "The district key is not known to the router."));
        }
        long signedAt;
        try {
            signedAt = Long.parseLong(signed.timestamp());
        } catch (NumberFormatException e) {
            return Optional.of(new Failure("Bad timestamp", RequestSigner.TIMESTAMP_HEADER
                    + " must be whole seconds since 1970."));
        }
        long skew = Math.abs(now.getEpochSecond() - signedAt);
        if (skew > maxSkewSeconds) {
            return Optional.of(new Failure("Stale timestamp", "The request was signed " + skew
                    + " seconds away from the router's clock; sign it again and resend."));
        }
        if (!RequestSigner.sha256Hex(body).equals(signed.bodyDigest())) {
            return Optional.of(new Failure("Body digest mismatch", "The body does not match "
                    + RequestSigner.CONTENT_HEADER + "."));
        }
        String expected = "v1=" + new RequestSigner(districtKey, sharedSecret).sign(
                RequestSigner.canonical(method, pathAndQuery, signed.timestamp(), signed.bodyDigest()));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signed.signature().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Failure("Bad signature", "The signature does not match; check the shared secret."));
        }
        return Optional.empty();
    }
}
