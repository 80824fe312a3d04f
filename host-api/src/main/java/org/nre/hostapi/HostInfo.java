package org.nre.hostapi;

import java.time.ZoneId;

/**
 * Facts about the console a plugin runs in.
 *
 * @param productName the console's name, such as "NRE Sample Console"
 * @param productVersion the console's version
 * @param applicationName the name this installation is known by, such as {@code med1}
 * @param serverAddress the address other systems reach this console at, such as {@code 127.0.0.1}
 * @param timeZone the time zone the console shows times in
 */
public record HostInfo(String productName, String productVersion, String applicationName,
                       String serverAddress, ZoneId timeZone) {

    /** Checks the fields. */
    public HostInfo {
        Fields.requireText(productName, "productName");
        Fields.requireText(productVersion, "productVersion");
        Fields.requireText(applicationName, "applicationName");
        Fields.requireText(serverAddress, "serverAddress");
        if (timeZone == null) {
            throw new HostApiException("Field 'timeZone' cannot be null");
        }
    }
}
