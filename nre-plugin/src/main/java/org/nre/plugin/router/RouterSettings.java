package org.nre.plugin.router;

import java.net.URI;
import java.util.Locale;

/**
 * Where the router is and how to sign requests to it.
 *
 * @param baseUrl the router's base URL, such as {@code https://router.nre.example}
 * @param districtKey the key the vendor issued to the district
 * @param sharedSecret the secret shared with the vendor; it only signs requests and never travels
 */
public record RouterSettings(URI baseUrl, String districtKey, String sharedSecret) {

    public RouterSettings {
        if (baseUrl == null || districtKey == null || districtKey.isBlank() || sharedSecret == null
                || sharedSecret.isEmpty()) {
            throw new IllegalArgumentException("The router URL, district key and shared secret are all needed");
        }
    }

    /**
     * What is wrong with a router URL, or null when it is acceptable: absolute http(s), and https unless it
     * points at this machine (a simulated router).
     */
    public static String urlProblem(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            return "It is not a URL: use an address such as https://router.nre.example";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "Use an absolute https address such as https://router.nre.example";
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return "Use https: only a router on this machine (localhost) may be reached over plain http";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "Leave out the query and fragment: give the router's base address only";
        }
        return null;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1")
                || h.startsWith("127.");
    }

    /** The settings without the secret, for logs. */
    @Override
    public String toString() {
        return "RouterSettings[baseUrl=" + baseUrl + ", districtKey=" + districtKey + ", sharedSecret=(set)]";
    }
}
