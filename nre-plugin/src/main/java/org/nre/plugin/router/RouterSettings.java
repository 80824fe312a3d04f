package org.nre.plugin.router;

import java.net.URI;
import java.util.List;

/**
 * Where the router is and how to sign requests to it.
 *
 * @param baseUrl the router's base URL, such as {@code https://router.nre.example}
 * @param districtKey the key the vendor issued to the district
 * @param sharedSecret the secret shared with the vendor; it only signs requests and never travels
 * @param allowedNetworks the networks beyond the public internet the operator lets the console call
 */
public record RouterSettings(URI baseUrl, String districtKey, String sharedSecret,
                             List<RouterAddress.Network> allowedNetworks) {

    public RouterSettings {
        if (baseUrl == null || districtKey == null || districtKey.isBlank() || sharedSecret == null
                || sharedSecret.isEmpty()) {
            throw new IllegalArgumentException("The router URL, district key and shared secret are all needed");
        }
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    /** Settings that call public addresses only (and a router on this machine given by its IP address). */
    public RouterSettings(URI baseUrl, String districtKey, String sharedSecret) {
        this(baseUrl, districtKey, sharedSecret, List.of());
    }

    /**
     * What is wrong with a router URL as written, or null when it is acceptable; see
     * {@link RouterAddress#syntaxProblem}.
     */
    public static String urlProblem(String text) {
        return RouterAddress.syntaxProblem(text);
    }

    /** The settings without the secret, for logs. */
    @Override
    public String toString() {
        return "RouterSettings[baseUrl=" + baseUrl + ", districtKey=" + districtKey + ", sharedSecret=(set)"
                + ", allowedNetworks=" + allowedNetworks + "]";
    }
}
