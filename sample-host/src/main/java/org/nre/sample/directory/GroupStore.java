package org.nre.sample.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Version;

/** Groups and their members in the database. */
public final class GroupStore {

    private final Jdbc jdbc;
    private final Clock clock;

    public GroupStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<Group> all() {
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.list("SELECT group_id, user_id FROM host_group_member ORDER BY group_id, user_id", row -> {
            members.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(row.getString(2));
            return null;
        });
        return jdbc.list("SELECT id, name, description FROM host_group ORDER BY name", row -> new Group(
                row.getString(1), row.getString(2), row.getString(3),
                members.getOrDefault(row.getString(1), List.of())));
    }

    public Optional<Group> byId(String id) {
        return all().stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<Group> byName(String name) {
        return all().stream().filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
    }

    public void create(Group group) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "INSERT INTO host_group (id, name, description, created_at) VALUES (?, ?, ?, ?)",
                    group.id(), group.name(), group.description(), clock.instant());
            for (String member : group.memberIds()) {
                Jdbc.update(connection, "INSERT INTO host_group_member (group_id, user_id) VALUES (?, ?)",
                        group.id(), member);
            }
            return null;
        });
    }

    /** The version of a group, or empty when there is no such group. */
    public Optional<Version> version(String id) {
        return jdbc.one("SELECT version, changed_by, changed_at, change_summary FROM host_group WHERE id = ?",
                Version::of, id);
    }

    /** The version of every group, by group id. */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        jdbc.list("SELECT id, version FROM host_group", row -> versions.put(row.getString(1), row.getLong(2)));
        return versions;
    }

    /** Replaces a group's name, description, members and version in one transaction. */
    public void update(Group group, Version version) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "UPDATE host_group SET name = ?, description = ?, version = ?, changed_by = ?, "
                            + "changed_at = ?, change_summary = ? WHERE id = ?", group.name(), group.description(),
                    version.number(), version.changedBy(), version.changedAt(), version.summary(), group.id());
            Jdbc.update(connection, "DELETE FROM host_group_member WHERE group_id = ?", group.id());
            for (String member : group.memberIds()) {
                Jdbc.update(connection, "INSERT INTO host_group_member (group_id, user_id) VALUES (?, ?)",
                        group.id(), member);
            }
            return null;
        });
    }

    public void delete(String groupId) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM host_group_member WHERE group_id = ?", groupId);
            Jdbc.update(connection, "DELETE FROM host_grant WHERE subject_type = 'GROUP' AND subject_id = ?", groupId);
            Jdbc.update(connection, "DELETE FROM host_group WHERE id = ?", groupId);
            return null;
        });
    }

    /** The groups a user belongs to. */
    public List<String> groupsOf(String userId) {
        return jdbc.list("SELECT group_id FROM host_group_member WHERE user_id = ? ORDER BY group_id",
                row -> row.getString(1), userId);
    }
}
