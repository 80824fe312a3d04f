package org.nre.simulator.http;

/**
 * The district key and shared secret the simulated vendor issued to the district: the only ones it accepts.
 *
 * @param districtKey the key requests name in {@code X-NRE-Key}
 * @param sharedSecret the secret they are signed with; never shown or logged
 */
public record RouterCredentials(String districtKey, String sharedSecret) {

    /** The credentials without the secret, for logs. */
    @Override
    public String toString() {
        return "RouterCredentials[districtKey=" + districtKey + ", sharedSecret=(set)]";
    }
}
