package org.nre.simulator.store;

/**
 * The first answer to an Idempotency-Key, so that a repeat gets it again.
 *
 * @param bodyDigest the hex SHA-256 of the first request's body
 * @param status the status it was answered with
 * @param registrationId the registration it made
 */
public record Replay(String bodyDigest, int status, String registrationId) {
}
