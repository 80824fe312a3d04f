package org.nre.hostkit.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.db.Jdbc;

/** The console's audit log in the database. Nothing here updates or deletes an entry. */
public final class AuditStore {

    /** The source of entries the console itself writes. */
    public static final String HOST_SOURCE = "console";

    static final int MAX_DETAIL = 2000;

    /** One entry, as the audit page shows it. */
    public record Entry(long id, Instant at, String source, String actorId, String actorName, String remoteAddress,
                        String action, String detail) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes an entry; control characters in any of its values are escaped (see {@link Printable}). */
    public void record(String source, ActingUser user, String action, String detail) {
        jdbc.update("""
                INSERT INTO host_audit (at, source, actor_id, actor_name, remote_address, action, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                clock.instant(), truncate(Printable.escape(source), 64), truncate(Printable.escape(user.id()), 64),
                truncate(Printable.escape(user.displayName()), 200), truncate(Printable.escape(user.remoteAddress()), 64),
                truncate(Printable.escape(action), 100),
                truncate(Printable.escape(detail == null ? "" : detail), MAX_DETAIL));
    }

    /** The newest entries first. */
    public List<Entry> newest(int limit) {
        return jdbc.list("""
                SELECT id, at, source, actor_id, actor_name, remote_address, action, detail
                  FROM host_audit ORDER BY id DESC LIMIT ?""",
                row -> new Entry(row.getLong("id"), Jdbc.instant(row, "at"), row.getString("source"),
                        row.getString("actor_id"), row.getString("actor_name"), row.getString("remote_address"),
                        row.getString("action"), row.getString("detail")),
                limit);
    }

    /** The audit log as one plugin writes to it: its entries carry the plugin's id as their source. */
    public AuditLog forPlugin(String pluginId) {
        return (user, action, detail) -> record(pluginId, user, action, detail);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
