package org.nre.plugin.status;

import java.time.Instant;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.storage.Sql;

/** Keeps the router's reachability in the database, so that every node shows the same. */
public final class RouterHealthStore implements RouterClient.Health {

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
        sql.update("UPDATE nre_router_health SET last_contact_at = ?, unreachable_since = NULL, last_error = NULL "
                + "WHERE slot = 1", at);
    }

    @Override
    public void unreachable(Instant at, String message) {
        sql.update("UPDATE nre_router_health SET unreachable_since = COALESCE(unreachable_since, ?), last_error = ? "
                + "WHERE slot = 1", at, message.length() > 1000 ? message.substring(0, 1000) : message);
    }
}
