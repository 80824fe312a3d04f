package org.nre.hostkit.audit;

import java.util.ArrayList;
import java.util.List;
import org.nre.hostapi.audit.AuditOutcome;

/**
 * The SQL of one filtered page: the filter's conditions, then keyset paging on the time and the id (newest first;
 * never OFFSET, which would read every skipped entry). Each filter has an index that ends in the time and the id
 * (V2__audit_search.sql), so that a page is read in order from an index and stops after a page. What EXPLAIN shows
 * over 1,000,000 entries on MariaDB 10.11 (PostgreSQL 15 and H2 2 choose alike; see docs/administrator-guide.md):
 *
 * <ul>
 *   <li>no filter, and a time range alone: {@code ix_host_audit_at_id (at, id)}, read backwards from the cursor.</li>
 *   <li>one action: {@code ix_host_audit_action (action, at, id)}, with a time range too if one is given. Several
 *       actions: the planner reads the time index and checks the action, or each action's range and sorts.</li>
 *   <li>an outcome: {@code ix_host_audit_outcome (outcome, at, id)}, with the time range.</li>
 *   <li>actor (a prefix of the lower-cased name): {@code ix_host_audit_actor (actor_key, at, id)} when few entries
 *       match, else the time index with the name checked on each entry (the matches are then near). H2 does not
 *       choose so itself, and is told to ({@link #page(AuditQuery, boolean)}).</li>
 *   <li>combinations: the planner takes the most selective of these indexes and checks the other filters on the
 *       entries it reads.</li>
 * </ul>
 */
final class AuditSearch {

    static final String COLUMNS = "id, at, source, actor_id, actor_name, remote_address, action, outcome, detail";

    /** A statement and its parameters. */
    record Sql(String text, List<Object> params) {
        Object[] paramArray() {
            return params.toArray();
        }
    }

    private AuditSearch() {
    }

    /** The page of entries the query's cursor starts; one more than a page, to tell whether another follows. */
    static Sql page(AuditQuery query) {
        return page(query, false);
    }

    /**
     * The page, read from the time index when {@code byTime}: H2 sorts every entry an actor prefix matches before
     * it takes a page (seconds for 50,000 entries), where reading the time index and checking the name finds a
     * page at once whenever the name's entries are not rare; see {@link #actorCount}.
     */
    static Sql page(AuditQuery query, boolean byTime) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = filter(query, params);
        boolean newer = query.cursor().direction() == AuditQuery.Cursor.Direction.NEWER;
        AuditQuery.Cursor cursor = query.cursor();
        if (cursor.direction() != AuditQuery.Cursor.Direction.NEWEST) {
            beyond(where, params, cursor.at(), cursor.id(), newer);
        }
        params.add(query.pageSize() + 1);
        return new Sql("SELECT " + COLUMNS + " FROM host_audit" + (byTime ? " USE INDEX (ix_host_audit_at_id)" : "")
                + where + order(query, newer) + " LIMIT ?", params);
    }

    /** Whether an entry the filter matches lies beyond an id, one way or the other: the first one's id. */
    static Sql beyond(AuditQuery query, AuditStore.Entry entry, boolean newer) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = filter(query, params);
        beyond(where, params, entry.at(), entry.id(), newer);
        return new Sql("SELECT id FROM host_audit" + where + order(query, newer) + " LIMIT 1", params);
    }

    /** Entries after (newer) or before (older) one, by time and then id; each planner reads it as index ranges. */
    private static void beyond(StringBuilder where, List<Object> params, java.time.Instant at, long id,
                               boolean newer) {
        String way = newer ? ">" : "<";
        // The first bound says nothing the second does not, but H2 reads only it as an index range.
        and(where, "at " + way + "= ? AND (at " + way + " ? OR (at = ? AND id " + way + " ?))", params, at, at, at, id);
    }

    /**
     * Newest first by time, then id. A column the filter holds to one value leads, changing nothing: H2 reads an
     * index in order only when the ORDER BY names its columns from the first ({@code action, at, id}).
     */
    private static String order(AuditQuery query, boolean newer) {
        String way = newer ? " ASC" : " DESC";
        String lead = query.actions().size() == 1 ? "action" + way + ", "
                : query.outcomes().size() == 1 ? "outcome" + way + ", " : "";
        return " ORDER BY " + lead + "at" + way + ", id" + way;
    }

    /** How many entries the actor prefix matches, counted from its index up to a limit only. */
    static Sql actorCount(AuditQuery query, int upTo) {
        return new Sql("SELECT COUNT(*) FROM (SELECT 1 FROM host_audit WHERE actor_key LIKE ? ESCAPE '!' LIMIT ?) t",
                List.of(likePrefix(query.actorKey()), upTo));
    }

    private static StringBuilder filter(AuditQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (!query.actor().isEmpty()) {
            and(where, "actor_key LIKE ? ESCAPE '!'", params, likePrefix(query.actorKey()));
        }
        if (!query.actions().isEmpty()) {
            and(where, "action" + in(query.actions().size()), params, query.actions().stream().sorted().toArray());
        }
        if (!query.outcomes().isEmpty()) {
            and(where, "outcome" + in(query.outcomes().size()), params, query.outcomes().stream()
                    .map(AuditOutcome::name).sorted().toArray());
        }
        if (query.from() != null) {
            and(where, "at >= ?", params, query.from());
        }
        if (query.to() != null) {
            and(where, "at < ?", params, query.to());
        }
        return where;
    }

    private static void and(StringBuilder where, String condition, List<Object> params, Object... values) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
        params.addAll(List.of(values));
    }

    /** "= ?" for one value (H2 reads an index in order after an equality, not after IN), else "IN (?, ...)". */
    private static String in(int count) {
        return count == 1 ? " = ?" : " IN (" + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
    }

    /** A LIKE pattern matching what starts with the text, whose own % and _ match only themselves. */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
