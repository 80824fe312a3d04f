package org.nre.plugin.status;

import java.time.Instant;
import org.nre.plugin.storage.Sql;

/** When the status poller last ran and last succeeded, on whichever node: kept in the database for every node. */
public final class PollerRuns {

    /**
     * The poller's last runs.
     *
     * @param lastRun when it last ran, or null
     * @param lastOutcome how that run ended ({@code success}, {@code failure}, {@code skipped}), or empty
     * @param lastSuccess when it last fetched the terms and the registration's status, or null
     */
    public record Last(Instant lastRun, String lastOutcome, Instant lastSuccess) {
    }

    private final Sql sql;

    public PollerRuns(Sql sql) {
        this.sql = sql;
    }

    public Last read() {
        return sql.one("SELECT last_run_at, last_outcome, last_success_at FROM nre_poller WHERE slot = 1",
                row -> new Last(Sql.instant(row, "last_run_at"),
                        row.getString("last_outcome") == null ? "" : row.getString("last_outcome"),
                        Sql.instant(row, "last_success_at")))
                .orElse(new Last(null, "", null));
    }

    /** Records a run; a successful one is the new last success. */
    public void ran(Instant at, String outcome, boolean succeeded) {
        if (succeeded) {
            sql.update("UPDATE nre_poller SET last_run_at = ?, last_outcome = ?, last_success_at = ? WHERE slot = 1",
                    at, outcome, at);
        } else {
            sql.update("UPDATE nre_poller SET last_run_at = ?, last_outcome = ? WHERE slot = 1", at, outcome);
        }
    }
}
