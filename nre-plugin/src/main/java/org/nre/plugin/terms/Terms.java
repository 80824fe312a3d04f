package org.nre.plugin.terms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Terms of Service as the router published them.
 *
 * @param version the version, such as {@code 2026-07}
 * @param effectiveDate the day they take effect
 * @param digest {@code sha256:} and the hex SHA-256 of the text
 * @param text the terms
 * @param fetchedAt when the console last fetched them
 */
public record Terms(String version, LocalDate effectiveDate, String digest, String text, Instant fetchedAt) {
}
