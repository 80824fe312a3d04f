package org.nre.plugin.status;

import java.time.Duration;
import java.time.Instant;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.storage.Sql;
import org.nre.plugin.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the router's reachability in the database, so that every node shows the same. It is bookkeeping beside a
 * router call: a call whose reachability cannot be written keeps its outcome, and the failure is logged.
 */
public final class RouterHealthStore implements RouterClient.Health {

    /**
     * How old the last contact may be before another is written: every router call on every node reports one, and
     * one row written from every node at once is one whose commits collide (on a Galera cluster, refusals).
     */
    public static final Duration CONTACT_PRECISION = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RouterHealthStore.class);

    private final Sql sql;

    public RouterHealthStore(Sql sql) {
        this.sql = sql;
    }

    public RouterHealth read() {
        return sql.one("SELECT last_contact_at, unreachable_since, last_error FROM nre_router_health WHERE slot = 1",
                row -> new RouterHealth(Sql.instant(row, "last_contact_at"), Sql.instant(row, "unreachable_since"),
                        row.getString("last_error") == null ? "" : row.getString("last_error")))
                .orElse(new RouterHealth(null, null, ""));
    }

    @Override
    public void reached(Instant at) {
        try {
            RouterHealth known = read();
            if (known.reachable() && known.lastContact() != null
                    && known.lastContact().isAfter(at.minus(CONTACT_PRECISION))) {
                return;
            }
            sql.update("UPDATE nre_router_health SET last_contact_at = ?, unreachable_since = NULL, last_error = NULL "
                    + "WHERE slot = 1", at);
        } catch (StorageException e) {
            LOG.warn("Could not record that the router answered at {}: {}", at, e.getMessage());
        }
    }

    @Override
    public void unreachable(Instant at, String message) {
        try {
            sql.update("UPDATE nre_router_health SET unreachable_since = COALESCE(unreachable_since, ?), "
                    + "last_error = ? WHERE slot = 1", at, message.length() > 1000 ? message.substring(0, 1000)
                    : message);
        } catch (StorageException e) {
            LOG.warn("Could not record that the router did not answer at {}: {}", at, e.getMessage());
        }
    }
}
