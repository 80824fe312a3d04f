package org.nre.hostkit.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostapi.storage.DatabaseProduct;
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

    /** The newest entries first, by id. */
    public List<Entry> newest(int limit) {
        return jdbc.list("SELECT " + AuditSearch.COLUMNS + " FROM host_audit ORDER BY id DESC LIMIT ?",
                AuditStore::entry, limit);
    }

    /**
     * One page of the entries the query matches, newest first (by time, then id), with the cursors of the pages
     * beside it.
     */
    public AuditPage page(AuditQuery query) {
        AuditSearch.Sql sql = AuditSearch.page(query, byTime(query));
        List<Entry> rows = new ArrayList<>(jdbc.list(sql.text(), AuditStore::entry, sql.paramArray()));
        boolean more = rows.size() > query.pageSize();
        if (more) {
            rows.remove(rows.size() - 1);
        }
        AuditQuery.Cursor.Direction direction = query.cursor().direction();
        if (direction == AuditQuery.Cursor.Direction.NEWER) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new AuditPage(rows, Optional.empty(), Optional.empty());
        }
        Entry newest = rows.get(0);
        Entry oldest = rows.get(rows.size() - 1);
        boolean older = direction == AuditQuery.Cursor.Direction.NEWER ? exists(query, oldest, false) : more;
        boolean newer = switch (direction) {
            case NEWEST -> false;
            case OLDER -> exists(query, newest, true);
            case NEWER -> more;
        };
        return new AuditPage(rows, older ? Optional.of(AuditQuery.Cursor.olderThan(oldest)) : Optional.empty(),
                newer ? Optional.of(AuditQuery.Cursor.newerThan(newest)) : Optional.empty());
    }

    /**
     * Hands every entry the query's filter matches to the consumer, newest first, reading a batch at a time. None
     * comes twice and none is left out; entries written meanwhile come only if they are older than the last one
     * handed over (which happens only when clocks of the console's nodes differ).
     */
    public void forEach(AuditQuery query, Consumer<Entry> consumer) {
        AuditQuery batch = query.pagesOf(EXPORT_BATCH).at(AuditQuery.Cursor.newest());
        while (true) {
            AuditSearch.Sql sql = AuditSearch.page(batch, byTime(batch));
            List<Entry> rows = jdbc.list(sql.text(), AuditStore::entry, sql.paramArray());
            rows.stream().limit(EXPORT_BATCH).forEach(consumer);
            if (rows.size() <= EXPORT_BATCH) {
                return;
            }
            batch = batch.at(AuditQuery.Cursor.olderThan(rows.get(EXPORT_BATCH - 1)));
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

    /**
     * Whether H2 should read an actor's page from the time index: when no single action or outcome leads to an
     * ordered index of its own, and the prefix matches at least ten pages' worth of entries (they are then near
     * enough to find by time; fewer are sorted quickly).
     */
    private boolean byTime(AuditQuery query) {
        if (jdbc.product() != DatabaseProduct.H2 || query.actor().isEmpty() || query.actions().size() == 1
                || query.outcomes().size() == 1) {
            return false;
        }
        int dense = query.pageSize() * 10;
        AuditSearch.Sql count = AuditSearch.actorCount(query, dense);
        return jdbc.one(count.text(), row -> row.getInt(1), count.paramArray()).orElse(0) >= dense;
    }

    private boolean exists(AuditQuery query, Entry entry, boolean newer) {
        AuditSearch.Sql sql = AuditSearch.beyond(query, entry, newer);
        return jdbc.one(sql.text(), row -> row.getLong(1), sql.paramArray()).isPresent();
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
