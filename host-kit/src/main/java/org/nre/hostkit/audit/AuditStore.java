package org.nre.hostkit.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.db.Jdbc;

/** The console's audit log in the database. Nothing here updates or deletes an entry. */
public final class AuditStore {

    /** The source of entries the console itself writes. */
    public static final String HOST_SOURCE = "console";

    static final int MAX_DETAIL = 2000;

    /** Entries read at a time while every entry of a filter is written out (an export). */
    static final int EXPORT_BATCH = 1000;

    /** One entry, as the audit page shows it. */
    public record Entry(long id, Instant at, String source, String actorId, String actorName, String remoteAddress,
                        String action, AuditOutcome outcome, String detail) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public AuditStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Writes an entry with the outcome its action's name says ({@link #outcomeOf}); control characters in any of
     * its values are escaped (see {@link Printable}).
     */
    public void record(String source, ActingUser user, String action, String detail) {
        record(source, user, action, outcomeOf(action, detail), detail);
    }

    /** Writes an entry with its outcome; control characters in any of its values are escaped. */
    public void record(String source, ActingUser user, String action, AuditOutcome outcome, String detail) {
        String name = truncate(Printable.escape(user.displayName()), 200);
        jdbc.update("""
                INSERT INTO host_audit (at, source, actor_id, actor_name, actor_key, remote_address, action, outcome,
                                        detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                clock.instant(), truncate(Printable.escape(source), 64), truncate(Printable.escape(user.id()), 64),
                name, name.toLowerCase(Locale.ROOT), truncate(Printable.escape(user.remoteAddress()), 64),
                truncate(Printable.escape(action), 100), (outcome == null ? outcomeOf(action, detail) : outcome).name(),
                truncate(Printable.escape(detail == null ? "" : detail), MAX_DETAIL));
    }

    /**
     * The outcome an action's name says, for writers that do not state one; V2__audit_search.sql gave the entries
     * written before outcomes were kept the same. Refused: {@code refused} and codes ending in {@code .denied},
     * {@code .refused}, {@code .throttled} or {@code .busy}; failed: codes ending in {@code .failed}; and the
     * kit's own {@code panel.action} by the result its detail names. Anything else succeeded.
     */
    public static AuditOutcome outcomeOf(String action, String detail) {
        String code = action == null ? "" : action;
        if (code.equals("refused") || code.endsWith(".denied") || code.endsWith(".refused")
                || code.endsWith(".throttled") || code.endsWith(".busy")) {
            return AuditOutcome.REFUSED;
        }
        if (code.endsWith(".failed")) {
            return AuditOutcome.FAILED;
        }
        if (code.equals("panel.action") && detail != null) {
            // The panel service writes "panel: action -> result: message"; ids hold no " -> ".
            if (detail.contains(" -> invalid: ") || detail.contains(" -> conflict: ")) {
                return AuditOutcome.REFUSED;
            }
            if (detail.endsWith(" -> plugin failed") || detail.contains(" -> unavailable: ")) {
                return AuditOutcome.FAILED;
            }
        }
        return AuditOutcome.SUCCESS;
    }

    /** The newest entries first. */
    public List<Entry> newest(int limit) {
        return jdbc.list("SELECT " + AuditSearch.COLUMNS + " FROM host_audit ORDER BY id DESC LIMIT ?",
                AuditStore::entry, limit);
    }

    /** One page of the entries the query matches, newest first, with the cursors of the pages beside it. */
    public AuditPage page(AuditQuery query) {
        AuditSearch.Sql sql = AuditSearch.page(query);
        List<Entry> rows = new java.util.ArrayList<>(jdbc.list(sql.text(), AuditStore::entry, sql.paramArray()));
        boolean more = rows.size() > query.pageSize();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        AuditQuery.Cursor cursor = query.cursor();
        if (cursor.direction() == AuditQuery.Cursor.Direction.NEWER) {
            java.util.Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            // Past either end: the way back, if anything lies there.
            return switch (cursor.direction()) {
                case NEWEST -> new AuditPage(rows, Optional.empty(), Optional.empty());
                case OLDER -> new AuditPage(rows, Optional.empty(), beyond(query, cursor.id() - 1, true)
                        .map(id -> AuditQuery.Cursor.newerThan(cursor.id() - 1)));
                case NEWER -> new AuditPage(rows, beyond(query, cursor.id() + 1, false)
                        .map(id -> AuditQuery.Cursor.olderThan(cursor.id() + 1)), Optional.empty());
            };
        }
        long newest = rows.get(0).id();
        long oldest = rows.get(rows.size() - 1).id();
        boolean older = cursor.direction() == AuditQuery.Cursor.Direction.NEWER ? beyond(query, oldest, false)
                .isPresent() : more;
        boolean newer = switch (cursor.direction()) {
            case NEWEST -> false;
            case OLDER -> beyond(query, newest, true).isPresent();
            case NEWER -> more;
        };
        return new AuditPage(rows, older ? Optional.of(AuditQuery.Cursor.olderThan(oldest)) : Optional.empty(),
                newer ? Optional.of(AuditQuery.Cursor.newerThan(newest)) : Optional.empty());
    }

    /**
     * Hands every entry the query's filter matches to the consumer, newest first, reading a batch at a time: the
     * entries there were when it started, none twice and none left out, whatever is written meanwhile.
     */
    public void forEach(AuditQuery query, Consumer<Entry> consumer) {
        Optional<Long> last = jdbc.one("SELECT MAX(id) FROM host_audit", row -> {
            long id = row.getLong(1);
            return row.wasNull() ? null : id;
        });
        if (last.isEmpty()) {
            return;
        }
        AuditQuery batch = query.pagesOf(EXPORT_BATCH).at(AuditQuery.Cursor.olderThan(last.get() + 1));
        while (true) {
            AuditSearch.Sql sql = AuditSearch.page(batch);
            List<Entry> rows = jdbc.list(sql.text(), AuditStore::entry, sql.paramArray());
            rows.stream().limit(EXPORT_BATCH).forEach(consumer);
            if (rows.size() <= EXPORT_BATCH) {
                return;
            }
            batch = batch.at(AuditQuery.Cursor.olderThan(rows.get(EXPORT_BATCH - 1).id()));
        }
    }

    /** The audit log as one plugin writes to it: its entries carry the plugin's id as their source. */
    public AuditLog forPlugin(String pluginId) {
        return new AuditLog() {
            @Override
            public void record(ActingUser user, String action, String detail) {
                AuditStore.this.record(pluginId, user, action, detail);
            }

            @Override
            public void record(ActingUser user, String action, AuditOutcome outcome, String detail) {
                AuditStore.this.record(pluginId, user, action, outcome, detail);
            }
        };
    }

    private Optional<Long> beyond(AuditQuery query, long id, boolean newer) {
        AuditSearch.Sql sql = AuditSearch.beyond(query, id, newer);
        return jdbc.one(sql.text(), row -> row.getLong(1), sql.paramArray());
    }

    private static Entry entry(ResultSet row) throws SQLException {
        return new Entry(row.getLong("id"), Jdbc.instant(row, "at"), row.getString("source"),
                row.getString("actor_id"), row.getString("actor_name"), row.getString("remote_address"),
                row.getString("action"), AuditOutcome.valueOf(row.getString("outcome")), row.getString("detail"));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
