package org.nre.hostkit.audit;

import java.util.ArrayList;
import java.util.List;
import org.nre.hostapi.audit.AuditOutcome;

/**
 * The SQL of one filtered page: the filter's conditions, then keyset paging on the id (newest first; never OFFSET,
 * which would read every skipped entry). Each filter has an index that ends in the id (V2__audit_search.sql), so
 * the page is read in id order from the index and stops after a page; the figures below are from EXPLAIN on
 * MariaDB 10/11, PostgreSQL 15 and H2 2 over 1,000,000 entries.
 *
 * <ul>
 *   <li>no filter: the primary key, backwards from the cursor.</li>
 *   <li>one action: {@code ix_host_audit_action (action, id)}, read backwards, no sort. Several actions: the same
 *       index, one range per action, then the page's rows sorted (only the matching rows of those actions).</li>
 *   <li>outcome: {@code ix_host_audit_outcome (outcome, id)}; for SUCCESS, nearly every entry, the planners may
 *       read the primary key instead and filter, which finds a page as quickly.</li>
 *   <li>actor (a prefix of the lower-cased name): {@code ix_host_audit_actor (actor_key, id)}; a prefix that
 *       matches one name reads that name's entries in id order, a shorter one reads the names it matches.</li>
 *   <li>time range: {@code ix_host_audit_at (at)} when the range is narrow, else the primary key with the range as
 *       a filter (ids grow with time, so the first matching entry is near the cursor).</li>
 *   <li>combinations: the planner takes the most selective of these indexes and checks the other filters on the
 *       rows it reads; action with actor, say, reads the action's index and filters by actor.</li>
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
        List<Object> params = new ArrayList<>();
        StringBuilder where = filter(query, params);
        boolean newer = query.cursor().direction() == AuditQuery.Cursor.Direction.NEWER;
        switch (query.cursor().direction()) {
            case OLDER -> and(where, "id < ?", params, query.cursor().id());
            case NEWER -> and(where, "id > ?", params, query.cursor().id());
            case NEWEST -> { }
        }
        params.add(query.pageSize() + 1);
        return new Sql("SELECT " + COLUMNS + " FROM host_audit" + where + " ORDER BY id " + (newer ? "ASC" : "DESC")
                + " LIMIT ?", params);
    }

    /** Whether an entry the filter matches lies beyond an id, one way or the other: the first one's id. */
    static Sql beyond(AuditQuery query, long id, boolean newer) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = filter(query, params);
        and(where, newer ? "id > ?" : "id < ?", params, id);
        return new Sql("SELECT id FROM host_audit" + where + " ORDER BY id " + (newer ? "ASC" : "DESC") + " LIMIT 1",
                params);
    }

    private static StringBuilder filter(AuditQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder();
        if (!query.actor().isEmpty()) {
            and(where, "actor_key LIKE ? ESCAPE '!'", params, likePrefix(query.actorKey()));
        }
        if (!query.actions().isEmpty()) {
            and(where, "action IN (" + marks(query.actions().size()) + ")", params, query.actions().stream().sorted()
                    .toArray());
        }
        if (!query.outcomes().isEmpty()) {
            and(where, "outcome IN (" + marks(query.outcomes().size()) + ")", params, query.outcomes().stream()
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

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A LIKE pattern matching what starts with the text, whose own % and _ match only themselves. */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
