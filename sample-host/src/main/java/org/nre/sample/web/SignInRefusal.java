package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Why a sign-in was refused, carried to the sign-in page it redirects to (post/redirect/get) before there is a
 * session to hold a message: a short-lived cookie for that page alone, with the message and the user name typed
 * (never the password), signed so that nobody else can make the page say something.
 */
final class SignInRefusal {

    static final String COOKIE = "nre_signin";
    // Signed with a key of this process: behind a load balancer, a refusal read by another node shows the general
    // message instead of the exact one.
    static final String ELSEWHERE = "The sign-in did not succeed: check the user name and password and try again.";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the sign-in page shows again. */
    record Shown(String message, String login) {
    }

    private final byte[] key = new byte[32];

    SignInRefusal(SecureRandom random) {
        random.nextBytes(key);
    }

    void keep(Context ctx, String message, String login, boolean secure) {
        try {
            String body = ENCODE.encodeToString(JSON.writeValueAsBytes(new Shown(message, login)));
            ctx.res().addHeader("Set-Cookie", COOKIE + "=" + body + "." + ENCODE.encodeToString(sign(body))
                    + "; Path=/signin; Max-Age=300; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A sign-in refusal could not be written", e);
        }
    }

    /** The refusal kept for this page, taken: a reload shows the page as it first was. */
    Optional<Shown> take(Context ctx, boolean secure) {
        String value = ctx.cookie(COOKIE);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        ctx.res().addHeader("Set-Cookie", COOKIE + "=; Path=/signin; Max-Age=0; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
        int dot = value.indexOf('.');
        if (dot < 0 || value.length() > 4000) {
            return Optional.empty();
        }
        String body = value.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(body), DECODE.decode(value.substring(dot + 1)))) {
                return Optional.of(new Shown(ELSEWHERE, ""));
            }
            Shown shown = JSON.readValue(DECODE.decode(body), Shown.class);
            return Optional.of(new Shown(shown.message() == null ? ELSEWHERE : shown.message(),
                    shown.login() == null || shown.login().length() > 64 ? "" : shown.login()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.of(new Shown(ELSEWHERE, ""));
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
