package org.nre.plugin.router;

import java.time.LocalDate;

/**
 * The router's current Terms of Service, with a digest the client has checked against the text.
 *
 * @param version the version, such as {@code 2026-07}
 * @param effectiveDate the day they take effect
 * @param digest {@code sha256:} and the hex SHA-256 of the text
 * @param text the terms
 */
public record RouterTerms(String version, LocalDate effectiveDate, String digest, String text) {
}
