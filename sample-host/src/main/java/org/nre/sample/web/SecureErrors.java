package org.nre.sample.web;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty writes itself, before the console sees the request (a malformed request line, headers too
 * large, a URI it cannot parse): with the console's security headers, as every other answer. Jetty's own
 * {@code Cache-Control} on them already says no-store.
 */
final class SecureErrors extends ErrorHandler {

    SecureErrors() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        secure(response.getHeaders());
        return super.handle(request, response, callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        secure(fields);
        return super.badMessageError(status, reason, fields);
    }

    private static void secure(HttpFields.Mutable fields) {
        fields.put("Content-Security-Policy", WebServer.CONTENT_SECURITY_POLICY);
        fields.put("X-Content-Type-Options", "nosniff");
        fields.put("X-Frame-Options", "DENY");
        fields.put("Referrer-Policy", "same-origin");
    }
}
