package org.nre.testkit;

import java.time.Instant;

/**
 * One entry of the console's audit log, as the audit page shows it.
 *
 * @param at when, by the harness's clock
 * @param source who wrote it: the plugin's id, or {@code console} for what the console records (a panel action,
 *        a refusal)
 * @param userId the acting user's id
 * @param action what was done, such as {@code hello.send}
 * @param detail the detail
 */
public record AuditEntry(Instant at, String source, String userId, String action, String detail) {
}
