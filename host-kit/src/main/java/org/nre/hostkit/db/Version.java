package org.nre.hostkit.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The version of something administrators change (a user, a group, a right's grants): every change moves it on
 * and says who made it, when, and what it changed, so that a change based on an older version can be refused
 * with what happened since.
 *
 * @param number 1 for what was never changed, then one more per change
 * @param changedBy who made the last change, empty when nobody has
 * @param changedAt when, or null when nobody has
 * @param summary what the last change did, as the audit log says it
 */
public record Version(long number, String changedBy, Instant changedAt, String summary) {

    public static final Version FIRST = new Version(1, "", null, "");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** The version after one more change. */
    public Version next(String by, Instant at, String what) {
        return new Version(number + 1, by, at, what.length() > 2000 ? what.substring(0, 1999) + "…" : what);
    }

    /**
     * What to tell someone whose change was based on an older version of this.
     *
     * @param thing what it is, such as "the group Registrars"
     * @param theirs the version their form or request was based on
     */
    public String staleMessage(String thing, long theirs) {
        String who = changedBy.isEmpty() ? "Someone" : changedBy;
        String when = changedAt == null ? "" : " at " + TIME.format(changedAt);
        String what = summary.isEmpty() ? "" : " (" + summary + ")";
        return "Nothing was saved: " + who + " changed " + thing + when + what + ", after you opened it (your change "
                + "was based on version " + theirs + "; it is now at version " + number + "). Look at it as it is "
                + "now and make your change again.";
    }

    /** Reads the version columns of a row: version, changed_by, changed_at, change_summary. */
    public static Version of(ResultSet row) throws SQLException {
        return new Version(row.getLong("version"), row.getString("changed_by"), Jdbc.instant(row, "changed_at"),
                row.getString("change_summary"));
    }
}
