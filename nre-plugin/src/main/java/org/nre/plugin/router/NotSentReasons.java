package org.nre.plugin.router;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;

/**
 * Tells a request that never left the console (nothing listening, no such name, a refused TLS handshake, an
 * address the tunnel would not connect to) from one that may have reached the router, and says why in words
 * for district staff.
 */
final class NotSentReasons {

    private NotSentReasons() {
    }

    /**
     * Why an attempt failed before any byte of it left the console, in plain words; null when it may have
     * been sent (a connection that broke later, a timeout waiting for the answer).
     */
    static String of(IOException e, URI base, RouterPolicy policy, RouterTunnel tunnel) {
        String where = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        if (e instanceof HttpConnectTimeoutException) {
            return "The router at " + where + " could not be reached: connecting took longer than "
                    + policy.connectTimeout().toSeconds() + " seconds.";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLHandshakeException) {
                // TLS is settled before the request is written: a failed handshake sent nothing.
                return "The router at " + where + " could not be reached securely: the TLS handshake failed ("
                        + RouterJson.printable(String.valueOf(cause.getMessage()), 200) + ").";
            }
        }
        if (tunnel != null && tunnelFailed(e)) {
            return tunnel.lastRefusal().orElse("The router at " + where + " could not be reached.");
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                    return "The router's address " + base.getHost() + " could not be found.";
                }
            }
            // java.net.http leaves a refused connection's message empty; other causes name themselves.
            String said = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            return "The router at " + where + " could not be reached"
                    + (said.isEmpty() || said.contains("refused") ? ": nothing accepted the connection." : ".");
        }
        return null;
    }

    /**
     * Whether java.net.http could not open the tunnel, which it reports as an IOException "Tunnel failed, got:
     * 403" (Java 17 to 25): the tunnel refused before a byte of the request left.
     */
    private static boolean tunnelFailed(IOException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Tunnel failed");
    }
}
