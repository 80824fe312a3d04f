package org.nre.sample.web;

import io.javalin.http.Context;

/** The session cookie: HttpOnly, SameSite=Lax, and Secure whenever the console is reached over HTTPS. */
final class SessionCookie {

    private SessionCookie() {
    }

    static void set(Context ctx, String token, boolean secure) {
        ctx.res().addHeader("Set-Cookie", Guard.SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }

    static void clear(Context ctx, boolean secure) {
        ctx.res().addHeader("Set-Cookie", Guard.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : ""));
    }
}
