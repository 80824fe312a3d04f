package org.nre.hostkit.audit;

import java.util.List;
import java.util.Optional;

/**
 * One page of audit entries, newest first (by time, then id), and where the pages beside it start.
 *
 * @param entries the entries, newest first
 * @param older the cursor of the next older page, or empty at the oldest matching entry
 * @param newer the cursor of the next newer page, or empty at the newest matching entry
 */
public record AuditPage(List<AuditStore.Entry> entries, Optional<AuditQuery.Cursor> older,
                        Optional<AuditQuery.Cursor> newer) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
