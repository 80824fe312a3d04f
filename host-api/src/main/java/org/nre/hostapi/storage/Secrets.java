package org.nre.hostapi.storage;

import java.util.Optional;

/**
 * A plugin's secrets, such as a shared key. The host stores them encrypted, and no page, API response,
 * log line or audit entry shows them: a view may only say whether one is set.
 */
public interface Secrets {

    /**
     * Whether a secret is stored.
     *
     * @param name the secret's name
     * @return true when it is set
     */
    boolean isSet(String name);

    /**
     * Stores a secret, replacing any value it had.
     *
     * @param name the secret's name
     * @param value the secret
     */
    void put(String name, String value);

    /**
     * Removes a secret.
     *
     * @param name the secret's name
     */
    void remove(String name);

    /**
     * Reads a secret for the plugin's own use, such as signing a request; never show or log it.
     *
     * @param name the secret's name
     * @return the secret, or empty when it is not set
     */
    Optional<String> read(String name);
}
