package org.nre.sample.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.nre.sample.Frontend;

/**
 * Who a request comes from and how they reached the console: the client's address, and the scheme and host they
 * asked for. Behind trusted proxies these come from the forwarded headers (RFC 7239 {@code Forwarded}, or
 * {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}); from anywhere else those headers are ignored.
 *
 * @param address the client's address
 * @param scheme {@code https} or {@code http}
 * @param host the host and port the client asked for, as in a Host header
 */
record Client(String address, String scheme, String host) {

    private static final String ATTRIBUTE = "nre.client";

    /** The request's client, worked out once. */
    static Client of(Context ctx, Frontend frontend) {
        if (ctx.attribute(ATTRIBUTE) instanceof Client known) {
            return known;
        }
        Client client = resolve(ctx, frontend);
        ctx.attribute(ATTRIBUTE, client);
        return client;
    }

    /** The request's client as the guard worked it out. */
    static Client of(Context ctx) {
        if (ctx.attribute(ATTRIBUTE) instanceof Client known) {
            return known;
        }
        return new Client(ctx.req().getRemoteAddr(), ctx.scheme(), String.valueOf(ctx.header("Host")));
    }

    private static Client resolve(Context ctx, Frontend frontend) {
        String peer = ctx.req().getRemoteAddr();
        String ownScheme = frontend.ownTls() || ctx.req().isSecure() ? "https" : "http";
        String host = ctx.header("Host");
        if (!frontend.trusts(peer)) {
            return new Client(peer, ownScheme, host == null ? "" : host);
        }
        String forwarded = ctx.header("Forwarded");
        String address = forwarded != null ? clientOf(forwardedValues(forwarded, "for"), frontend)
                : clientOf(commaList(ctx.header("X-Forwarded-For")), frontend);
        String scheme = forwarded != null ? last(forwardedValues(forwarded, "proto")) : last(commaList(
                ctx.header("X-Forwarded-Proto")));
        String forwardedHost = forwarded != null ? last(forwardedValues(forwarded, "host"))
                : last(commaList(ctx.header("X-Forwarded-Host")));
        return new Client(address == null ? peer : address,
                "https".equalsIgnoreCase(scheme) ? "https" : "http".equalsIgnoreCase(scheme) ? "http" : ownScheme,
                forwardedHost != null ? forwardedHost : host == null ? "" : host);
    }

    /** The nearest address on the chain that is not one of the trusted proxies: the client as they saw it. */
    private static String clientOf(List<String> chain, Frontend frontend) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = unbracket(chain.get(i));
            if (!frontend.trusts(hop)) {
                return hop.matches("[0-9A-Fa-f:.]+") ? hop : null;
            }
        }
        return chain.isEmpty() ? null : unbracket(chain.get(0));
    }

    /** The values of one parameter of a Forwarded header, nearest proxy last. */
    private static List<String> forwardedValues(String header, String name) {
        List<String> values = new java.util.ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().toLowerCase(Locale.ROOT).equals(name)) {
                    values.add(kv[1].strip().replace("\"", ""));
                }
            }
        }
        return values;
    }

    private static List<String> commaList(String header) {
        if (header == null) {
            return List.of();
        }
        return java.util.Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** An address without brackets or port: {@code [::1]:443} is {@code ::1}, {@code 10.0.0.7:5000} is 10.0.0.7. */
    private static String unbracket(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    /** This request's origin, as the browser names it: scheme and host. */
    String origin() {
        return scheme + "://" + host.toLowerCase(Locale.ROOT);
    }

    /** The host without its port. */
    String hostName() {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.lastIndexOf(':');
        return colon > 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }
}
