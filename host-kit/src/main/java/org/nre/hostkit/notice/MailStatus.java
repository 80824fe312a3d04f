package org.nre.hostkit.notice;

import java.time.Instant;

/**
 * Whether the console sends the notices' e-mails, and how that goes, across every node.
 *
 * @param configured whether SMTP is configured
 * @param server where mail goes and how, without the password; empty when not configured
 * @param lastSentAt when any node last sent one, or null when none was sent
 * @param waiting how many are still to be sent (including those being retried)
 * @param givenUp how many were given up after every attempt failed
 */
public record MailStatus(boolean configured, String server, Instant lastSentAt, long waiting, long givenUp) {
}
