package org.nre.sample.rights;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.rights.Grant;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.UserStore;

/**
 * Who holds a right, read a page at a time: every query is driven by the right's grants (or by one page of users),
 * so that a page costs the same with 100 users as with 10,000 (docs/performance.md). Disabled users hold nothing.
 */
public final class RightHolders {

    /** One page of a longer list, and how long the whole list is. */
    public record Slice<T>(List<T> items, int offset, int limit, long total) {

        public Slice {
            items = List.copyOf(items);
        }

        public boolean hasPrevious() {
            return offset > 0;
        }

        public boolean hasNext() {
            return offset + items.size() < total;
        }

        public int previousOffset() {
            return Math.max(0, offset - limit);
        }

        public int nextOffset() {
            return offset + items.size();
        }

        /** "21-40 of 10,000", or "none". */
        public String range() {
            if (items.isEmpty()) {
                return total == 0 ? "none" : "none here of " + String.format(Locale.US, "%,d", total);
            }
            return String.format(Locale.US, "%,d-%,d of %,d", offset + 1, offset + items.size(), total);
        }
    }

    /**
     * Where a user's levels on a right come from.
     *
     * @param subject {@code USER} for a grant to the user themself, {@code GROUP} for one to a group of theirs
     * @param groupId the group's id, empty for a direct grant
     * @param groupName the group's name, empty for a direct grant
     * @param levels the levels that grant gives (each with read)
     */
    public record Source(Grant.Subject subject, String groupId, String groupName, Set<Level> levels) {

        public Source {
            levels = Set.copyOf(levels);
        }

        /** "direct" or "group Registrars". */
        public String describe() {
            return subject == Grant.Subject.USER ? "direct" : "group " + groupName;
        }
    }

    /**
     * A user who holds a right, with every level and where each comes from.
     *
     * @param account the user
     * @param levels the levels held, directly and through groups together
     * @param sources each grant that gives them levels
     */
    public record Holder(Account account, Set<Level> levels, List<Source> sources) {

        public Holder {
            levels = Set.copyOf(levels);
            sources = List.copyOf(sources);
        }

        public String letters() {
            return Grant.letters(levels);
        }
    }

    /**
     * A group found by a search, with its size.
     *
     * @param id the group's id
     * @param name its name
     * @param members how many members it has
     */
    public record GroupRow(String id, String name, long members) {
    }

    private static final String USER_COLUMNS = "u.id, u.login, u.first_name, u.last_name, u.administrator, "
            + "u.must_change_password, u.disabled, u.email";
    private static final String HOLDER_IDS = """
            SELECT g.subject_id AS user_id FROM host_grant g WHERE g.right_id = ? AND g.subject_type = 'USER'
            UNION
            SELECT m.user_id FROM host_grant g JOIN host_group_member m ON m.group_id = g.subject_id
             WHERE g.right_id = ? AND g.subject_type = 'GROUP'""";
    /** Every word of a search must be in the user's names or login, in any order. */
    private static final String USER_WORD = "u.search_text LIKE ? ESCAPE '!'";

    private final Jdbc jdbc;

    public RightHolders(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** How many enabled users hold the right at any level. */
    public long count(String rightId) {
        return jdbc.one("SELECT COUNT(*) FROM host_user u JOIN (" + HOLDER_IDS + ") h ON h.user_id = u.id "
                + "WHERE u.disabled = FALSE", row -> row.getLong(1), rightId, rightId).orElse(0L);
    }

    /** One page of the right's holders, by name, each with their levels and where they come from. */
    public Slice<Holder> holders(String rightId, List<Grant> grants, int offset, int limit) {
        List<Account> accounts = jdbc.list("SELECT " + USER_COLUMNS + " FROM host_user u JOIN (" + HOLDER_IDS
                + ") h ON h.user_id = u.id WHERE u.disabled = FALSE ORDER BY u.last_name, u.first_name, u.login "
                + "LIMIT ? OFFSET ?", UserStore::account, rightId, rightId, limit, offset);
        Map<String, List<Source>> sources = sourcesOf(accounts.stream().map(Account::id).toList(), grants);
        List<Holder> holders = new ArrayList<>();
        for (Account account : accounts) {
            List<Source> theirs = sources.getOrDefault(account.id(), List.of());
            holders.add(new Holder(account, union(theirs), theirs));
        }
        return new Slice<>(holders, offset, limit, count(rightId));
    }

    /**
     * Where each of these users' levels on the right come from, given the right's grants.
     *
     * @param userIds a page of users
     * @param grants every grant of the right
     */
    public Map<String, List<Source>> sourcesOf(Collection<String> userIds, List<Grant> grants) {
        Map<String, List<Source>> sources = new HashMap<>();
        if (userIds.isEmpty()) {
            return sources;
        }
        Map<String, Set<Level>> groupLevels = new HashMap<>();
        for (Grant grant : grants) {
            if (grant.subject() == Grant.Subject.USER && userIds.contains(grant.subjectId())) {
                sources.computeIfAbsent(grant.subjectId(), k -> new ArrayList<>())
                        .add(new Source(Grant.Subject.USER, "", "", grant.levels()));
            } else if (grant.subject() == Grant.Subject.GROUP) {
                groupLevels.put(grant.subjectId(), grant.levels());
            }
        }
        if (groupLevels.isEmpty()) {
            return sources;
        }
        Map<String, String> names = groupNames(groupLevels.keySet());
        jdbc.list("SELECT m.user_id, m.group_id FROM host_group_member m WHERE m.user_id IN (" + marks(userIds.size())
                + ") ORDER BY m.group_id", row -> {
                    Set<Level> levels = groupLevels.get(row.getString(2));
                    if (levels != null) {
                        sources.computeIfAbsent(row.getString(1), k -> new ArrayList<>()).add(new Source(
                                Grant.Subject.GROUP, row.getString(2), names.getOrDefault(row.getString(2),
                                row.getString(2)), levels));
                    }
                    return null;
                }, userIds.toArray());
        return sources;
    }

    /** Users whose login or names contain every word, by name, a page at a time; every user when there is none. */
    public Slice<Account> findUsers(String query, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (String word : query.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                conditions.add(USER_WORD);
                params.add(pattern(word));
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Object> paged = new ArrayList<>(params);
        paged.add(limit);
        paged.add(offset);
        List<Account> accounts = jdbc.list("SELECT " + USER_COLUMNS + " FROM host_user u" + where
                + " ORDER BY u.last_name, u.first_name, u.login LIMIT ? OFFSET ?", UserStore::account, paged.toArray());
        long total = jdbc.one("SELECT COUNT(*) FROM host_user u" + where, row -> row.getLong(1), params.toArray())
                .orElse(0L);
        return new Slice<>(accounts, offset, limit, total);
    }

    /** Groups whose name contains the words, by name, a page at a time; every group when it is empty. */
    public Slice<GroupRow> findGroups(String query, int offset, int limit) {
        String where = query.isBlank() ? "" : " WHERE LOWER(g.name) LIKE ? ESCAPE '!'";
        Object[] params = query.isBlank() ? new Object[0] : new Object[] {pattern(query)};
        List<Object> paged = new ArrayList<>(List.of(params));
        paged.add(limit);
        paged.add(offset);
        List<GroupRow> groups = jdbc.list("SELECT g.id, g.name, (SELECT COUNT(*) FROM host_group_member m "
                + "WHERE m.group_id = g.id) FROM host_group g" + where + " ORDER BY g.name LIMIT ? OFFSET ?",
                row -> new GroupRow(row.getString(1), row.getString(2), row.getLong(3)), paged.toArray());
        long total = jdbc.one("SELECT COUNT(*) FROM host_group g" + where, row -> row.getLong(1), params).orElse(0L);
        return new Slice<>(groups, offset, limit, total);
    }

    /** Some groups by id with their sizes; an unknown id is left out. */
    public List<GroupRow> findGroupsById(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return jdbc.list("SELECT g.id, g.name, (SELECT COUNT(*) FROM host_group_member m WHERE m.group_id = g.id) "
                + "FROM host_group g WHERE g.id IN (" + marks(groupIds.size()) + ") ORDER BY g.name",
                row -> new GroupRow(row.getString(1), row.getString(2), row.getLong(3)), groupIds.toArray());
    }

    /** The names of some groups, by id; an unknown id is left out. */
    public Map<String, String> groupNames(Collection<String> groupIds) {
        Map<String, String> names = new LinkedHashMap<>();
        if (!groupIds.isEmpty()) {
            jdbc.list("SELECT id, name FROM host_group WHERE id IN (" + marks(groupIds.size()) + ") ORDER BY name",
                    row -> names.put(row.getString(1), row.getString(2)), groupIds.toArray());
        }
        return names;
    }

    /** The members of some groups, by group id. */
    public Map<String, Set<String>> membersOf(Collection<String> groupIds) {
        Map<String, Set<String>> members = new HashMap<>();
        if (!groupIds.isEmpty()) {
            jdbc.list("SELECT group_id, user_id FROM host_group_member WHERE group_id IN (" + marks(groupIds.size())
                    + ")", row -> members.computeIfAbsent(row.getString(1), k -> new HashSet<>())
                    .add(row.getString(2)), groupIds.toArray());
        }
        return members;
    }

    /** The ids of the users who may not sign in. */
    public Set<String> disabledUsers() {
        return new HashSet<>(jdbc.list("SELECT id FROM host_user WHERE disabled = TRUE", row -> row.getString(1)));
    }

    /** Some users by id, sorted by name; an unknown id is left out. */
    public List<Account> accounts(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.list("SELECT " + USER_COLUMNS + " FROM host_user u WHERE u.id IN (" + marks(userIds.size())
                + ") ORDER BY u.last_name, u.first_name, u.login", UserStore::account, userIds.toArray());
    }

    /** Every level the sources give together. */
    public static Set<Level> union(List<Source> sources) {
        EnumSet<Level> levels = EnumSet.noneOf(Level.class);
        sources.forEach(s -> levels.addAll(s.levels()));
        return levels;
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** A LIKE pattern for "contains", with the words' own wildcards taken literally; searches ignore case. */
    private static String pattern(String query) {
        String words = query.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + words + "%";
    }
}
