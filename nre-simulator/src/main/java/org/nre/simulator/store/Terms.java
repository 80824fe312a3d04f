package org.nre.simulator.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.nre.router.protocol.RequestSigner;

/**
 * Terms the simulated vendor published.
 *
 * @param version the version
 * @param effectiveDate when they take effect
 * @param text the terms
 * @param publishedAt when they were published
 */
public record Terms(String version, LocalDate effectiveDate, String text, Instant publishedAt) {

    /**
     * What a district accepts: {@code sha256:} and the hex SHA-256 of the text's UTF-8 bytes.
     *
     * @return the digest
     */
    public String digest() {
        return "sha256:" + RequestSigner.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
