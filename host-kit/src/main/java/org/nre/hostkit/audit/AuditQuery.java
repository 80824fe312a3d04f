package org.nre.hostkit.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.nre.hostapi.audit.AuditOutcome;

/**
 * Which audit entries to show, one page at a time, newest first. Every filter is optional; those given must all
 * match.
 *
 * @param actor the start of the actor's display name ("Lee" finds "Lee, Nancy"), in any case; empty for anyone.
 *              A prefix, not "contains": a prefix is read from an index, a substring would read every entry
 * @param actions the action codes to show, such as {@code signin.failed}; empty for all
 * @param outcomes the outcomes to show; empty for all
 * @param from the earliest time shown (inclusive), or null
 * @param to the time before which entries are shown (exclusive), or null
 * @param pageSize the number of entries on a page, 1 to {@link #MAX_PAGE_SIZE}
 * @param cursor where the page starts
 */
public record AuditQuery(String actor, Set<String> actions, Set<AuditOutcome> outcomes, Instant from, Instant to,
                         int pageSize, Cursor cursor) {

    /** The most entries on one page (and in one API answer). */
    public static final int MAX_PAGE_SIZE = 1000;

    /**
     * Where a page starts: at the newest entry, or just older or just newer than an entry seen before, known by its
     * time and id (entries are ordered by time, then id).
     */
    public record Cursor(Direction direction, Instant at, long id) {

        /** Which way from the entry the page goes. */
        public enum Direction { NEWEST, OLDER, NEWER }

        public Cursor {
            if (direction != Direction.NEWEST && at == null) {
                throw new IllegalArgumentException("A cursor older or newer than an entry needs the entry's time");
            }
        }

        /** The page of the newest entries. */
        public static Cursor newest() {
            return new Cursor(Direction.NEWEST, null, 0);
        }

        /** The page of the entries older than this one. */
        public static Cursor olderThan(AuditStore.Entry entry) {
            return new Cursor(Direction.OLDER, entry.at(), entry.id());
        }

        /** The page of the entries newer than this one. */
        public static Cursor newerThan(AuditStore.Entry entry) {
            return new Cursor(Direction.NEWER, entry.at(), entry.id());
        }

        /**
         * A cursor from its {@link #token()}, as a page link or an API answer gave it.
         *
         * @throws IllegalArgumentException when the text is no cursor, saying what one looks like
         */
        public static Cursor parse(Direction direction, String token) {
            java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(-?\\d{1,19})_(\\d{1,19})")
                    .matcher(token == null ? "" : token.strip());
            try {
                if (parts.matches()) {
                    long micros = Long.parseLong(parts.group(1));
                    Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1000L);
                    return new Cursor(direction, at, Long.parseLong(parts.group(2)));
                }
            } catch (NumberFormatException | java.time.DateTimeException e) {
                // Reported below as any other text that is no cursor.
            }
            throw new IllegalArgumentException("'" + shown(token) + "' is not a cursor: use the one a page of "
                    + "entries gave (such as 1764576000000000_123), or leave it out for the newest entries");
        }

        /** The cursor as text for a link: the entry's time in microseconds since 1970, and its id. */
        public String token() {
            long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000L);
            return micros + "_" + id;
        }

        private static String shown(String token) {
            String text = token == null ? "" : token;
            return text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }

    public AuditQuery {
        actor = actor == null ? "" : actor.strip();
        actions = Set.copyOf(actions);
        outcomes = Set.copyOf(outcomes);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
        cursor = cursor == null ? Cursor.newest() : cursor;
    }

    /** Every entry, the newest page first. */
    public static AuditQuery all(int pageSize) {
        return new AuditQuery("", Set.of(), Set.of(), null, null, pageSize, Cursor.newest());
    }

    /** The same filter, at another place. */
    public AuditQuery at(Cursor place) {
        return new AuditQuery(actor, actions, outcomes, from, to, pageSize, place);
    }

    /** The same filter and place, with pages of another size. */
    public AuditQuery pagesOf(int size) {
        return new AuditQuery(actor, actions, outcomes, from, to, size, cursor);
    }

    /** The actor filter as stored: lower-cased, as the actor_key column is. */
    String actorKey() {
        return actor.toLowerCase(Locale.ROOT);
    }
}
