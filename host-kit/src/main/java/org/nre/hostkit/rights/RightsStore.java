package org.nre.hostkit.rights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Version;

/**
 * Tool-right grants in the database, and the rights generation: every change to grants, groups or users
 * moves it on, so that each console node knows to recompute effective rights at the next request.
 */
public final class RightsStore {

    private static final String GRANTS_OF = "SELECT right_id, levels FROM host_grant WHERE subject_type = ";
    private static final String GRANTS_WITH_SUBJECT = "SELECT subject_type, subject_id, right_id, levels FROM host_grant "
            + "WHERE subject_type = ";

    private final Jdbc jdbc;

    public RightsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs an administrator change as one transaction that commits or rolls back whole: what it writes to users,
     * groups, grants and the audit log, and the move of the generation. It first locks the generation's row, so
     * that changes on every node are made one after the other and each checks the versions it was based on
     * against what the one before it committed; a deadlock or serialization failure runs it again (a bounded
     * number of times).
     */
    public <T> T changing(Supplier<T> change) {
        return jdbc.atomically(() -> {
            jdbc.one("SELECT generation FROM host_rights_generation WHERE slot = 1 FOR UPDATE", row -> row.getLong(1));
            return change.get();
        });
    }

    /** The version of a right's grants. */
    public Version version(String rightId) {
        return jdbc.one("SELECT version, changed_by, changed_at, change_summary FROM host_right_version "
                + "WHERE right_id = ?", Version::of, rightId).orElse(Version.FIRST);
    }

    /** The version of every right whose grants were ever changed, by right id. */
    public Map<String, Version> versions() {
        Map<String, Version> versions = new HashMap<>();
        jdbc.list("SELECT right_id, version, changed_by, changed_at, change_summary FROM host_right_version",
                row -> versions.put(row.getString("right_id"), Version.of(row)));
        return versions;
    }

    public List<Grant> grants() {
        return jdbc.list("SELECT subject_type, subject_id, right_id, levels FROM host_grant "
                + "ORDER BY right_id, subject_type, subject_id", RightsStore::grant);
    }

    /** The grants of one right, groups first, each subject once. */
    public List<Grant> grantsOf(String rightId) {
        return jdbc.list("SELECT subject_type, subject_id, right_id, levels FROM host_grant WHERE right_id = ? "
                        + "ORDER BY subject_type, subject_id", RightsStore::grant, rightId);
    }

    /** The grants held by a user directly or by one of the given groups, on every right. */
    public List<Grant> grantsHeldBy(String userId, Collection<String> groupIds) {
        StringBuilder sql = new StringBuilder(GRANTS_WITH_SUBJECT + "'USER' AND subject_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(userId));
        for (String groupId : groupIds) {
            sql.append(" UNION ALL ").append(GRANTS_WITH_SUBJECT).append("'GROUP' AND subject_id = ?");
            parameters.add(groupId);
        }
        return jdbc.list(sql.toString(), RightsStore::grant, parameters.toArray());
    }

    private static Grant grant(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Grant(Grant.Subject.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                Grant.parse(row.getString(4)));
    }

    /** Replaces every grant of one right and its version in one transaction, and moves the generation on. */
    public void replace(String rightId, List<Grant> grants, Version version) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM host_right_version WHERE right_id = ?", rightId);
            Jdbc.update(connection, "INSERT INTO host_right_version (right_id, version, changed_by, changed_at, "
                    + "change_summary) VALUES (?, ?, ?, ?, ?)", rightId, version.number(), version.changedBy(),
                    version.changedAt(), version.summary());
            Jdbc.update(connection, "DELETE FROM host_grant WHERE right_id = ?", rightId);
            for (Grant grant : grants) {
                if (!grant.levels().isEmpty()) {
                    Jdbc.update(connection, "INSERT INTO host_grant (subject_type, subject_id, right_id, levels) "
                                    + "VALUES (?, ?, ?, ?)", grant.subject().name(), grant.subjectId(), rightId,
                            Grant.letters(grant.levels()));
                }
            }
            Jdbc.update(connection, "UPDATE host_rights_generation SET generation = generation + 1 WHERE slot = 1");
            return null;
        });
    }

    /** The levels a user holds per right, directly or through one of the given groups; each level as granted. */
    public Map<String, Set<Level>> grantedTo(String userId, Collection<String> groupIds) {
        Map<String, Set<Level>> levels = new HashMap<>();
        // One branch per subject rather than an OR or an IN list, so that each reads by the primary key instead
        // of scanning every grant.
        StringBuilder sql = new StringBuilder(GRANTS_OF + "'USER' AND subject_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(userId));
        for (String groupId : groupIds) {
            sql.append(" UNION ALL ").append(GRANTS_OF).append("'GROUP' AND subject_id = ?");
            parameters.add(groupId);
        }
        jdbc.list(sql.toString(), row -> levels.computeIfAbsent(row.getString(1), k -> EnumSet.noneOf(Level.class))
                .addAll(Grant.parse(row.getString(2))), parameters.toArray());
        return levels;
    }

    public long generation() {
        return jdbc.one("SELECT generation FROM host_rights_generation WHERE slot = 1", row -> row.getLong(1))
                .orElse(0L);
    }

    /** Moves the generation on after a change to users or groups that may change someone's rights. */
    public void changed() {
        jdbc.update("UPDATE host_rights_generation SET generation = generation + 1 WHERE slot = 1");
    }
}
