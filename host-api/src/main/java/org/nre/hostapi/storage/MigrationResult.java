package org.nre.hostapi.storage;

import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * What a migration run did.
 *
 * @param applied how many migrations ran now
 * @param schemaVersion the plugin's schema version afterwards, or empty when it has none
 * @param historyTable the table that records the plugin's migrations
 */
public record MigrationResult(int applied, String schemaVersion, String historyTable) {

    /** Checks the fields. */
    public MigrationResult {
        if (applied < 0) {
            throw new HostApiException("Field 'applied' cannot be negative");
        }
        schemaVersion = Fields.orEmpty(schemaVersion);
        Fields.requireText(historyTable, "historyTable");
    }
}
