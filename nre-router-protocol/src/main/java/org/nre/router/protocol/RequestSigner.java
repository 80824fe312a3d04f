package org.nre.router.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs router requests: HMAC-SHA256 with the shared secret over the method, the path with its query, the
 * timestamp and the body's SHA-256, as docs/router-api.md describes. The secret never leaves this class.
 */
public final class RequestSigner {

    public static final String KEY_HEADER = "X-NRE-Key";
    public static final String TIMESTAMP_HEADER = "X-NRE-Timestamp";
    public static final String CONTENT_HEADER = "X-NRE-Content-SHA256";
    public static final String SIGNATURE_HEADER = "X-NRE-Signature";

    // Most calls (every GET) have no body: its digest is the same every time.
    private static final String EMPTY_DIGEST = sha256Hex(new byte[0]);

    private final String key;
    // Initialised once with the secret; each signature works on a clone, which is cheaper than a new Mac.
    private final Mac prototype;

    public RequestSigner(String key, String sharedSecret) {
        this.key = key;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.prototype = mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** The four signature headers for a request. */
    public Map<String, String> headers(String method, String pathAndQuery, byte[] body, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        String digest = body.length == 0 ? EMPTY_DIGEST : sha256Hex(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(KEY_HEADER, key);
        headers.put(TIMESTAMP_HEADER, timestamp);
        headers.put(CONTENT_HEADER, digest);
        headers.put(SIGNATURE_HEADER, "v1=" + sign(canonical(method, pathAndQuery, timestamp, digest)));
        return headers;
    }

    public static String canonical(String method, String pathAndQuery, String timestamp, String bodyDigest) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n" + bodyDigest;
    }

    /** The signature of a canonical request, base64. */
    public String sign(String canonical) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 of this Java runtime cannot be cloned", e);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
