package org.nre.api.router;

import java.net.URI;
import java.time.Duration;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * A router another plugin provides, with the credentials the vendor issued for it.
 *
 * @param name what the NRE plugin's settings panel calls it, such as "Simulated router"
 * @param url the router's base URL
 * @param districtKey the key the router knows the district by
 * @param sharedSecret the secret requests are signed with; never shown or logged
 * @param pollInterval how often to ask the router for the registration's status, or {@link Duration#ZERO} for
 *     the NRE plugin's own setting
 */
public record ProvidedRouter(String name, URI url, String districtKey, String sharedSecret, Duration pollInterval) {

    /** Checks the fields. */
    public ProvidedRouter {
        Fields.requireText(name, "name");
        if (url == null || !url.isAbsolute()) {
            throw new HostApiException("Field 'url' must be an absolute URL");
        }
        Fields.requireText(districtKey, "districtKey");
        Fields.requireText(sharedSecret, "sharedSecret");
        if (pollInterval == null || pollInterval.isNegative()) {
            throw new HostApiException("Field 'pollInterval' must be zero or positive");
        }
    }

    /** The router without its secret, for logs. */
    @Override
    public String toString() {
        return "ProvidedRouter[name=" + name + ", url=" + url + ", districtKey=" + districtKey
                + ", sharedSecret=(set), pollInterval=" + pollInterval + "]";
    }
}
