package org.nre.sample.rights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.rights.Grant;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;

/**
 * The tool-rights matrix: every contributed right, in its place in the tree, with the levels each group and
 * user holds, each right's hint, and a warning when a right whose hint limits its holders is held widely.
 */
public final class RightsMatrix {

    /** More members than this makes a large group for a right whose hint limits its holders. */
    public static final int LARGE_GROUP = 3;
    /** More holders than this are many for such a right. */
    public static final int MANY_HOLDERS = 3;

    /**
     * One right's row of the matrix.
     *
     * @param right the right and its plugin
     * @param groups each group's granted levels, by group id
     * @param users each user's directly granted levels, by user id
     * @param holders the users who hold the right at any level, directly or through a group
     * @param warnings why the holders do not fit the right's hint
     * @param version the version of the right's grants, which a change must be based on
     */
    public record Row(Contributions.Right right, Map<String, Set<Level>> groups, Map<String, Set<Level>> users,
                      Set<String> holders, List<String> warnings, long version) {

        public boolean grantedToGroup(String groupId, Level level) {
            return groups.getOrDefault(groupId, Set.of()).contains(level);
        }

        public boolean grantedToUser(String userId, Level level) {
            return users.getOrDefault(userId, Set.of()).contains(level);
        }
    }

    /** A change to one right refused, with why. */
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A change to one right based on an older version of its grants; nothing was changed. */
    public static final class Stale extends Refused {
        private static final long serialVersionUID = 1L;

        Stale(String message) {
            super(message);
        }
    }

    private final RightsStore store;
    private final GroupStore groups;
    private final UserStore users;
    private final AuditStore audit;
    private final Clock clock;

    public RightsMatrix(RightsStore store, GroupStore groups, UserStore users, AuditStore audit, Clock clock) {
        this.store = store;
        this.groups = groups;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The matrix for every contributed right, sorted by place in the tree and label. */
    public List<Row> rows(Contributions contributions) {
        List<Grant> grants = store.grants();
        Map<String, Version> versions = store.versions();
        List<Group> allGroups = groups.all();
        List<Account> allUsers = users.all();
        List<Contributions.Right> rights = new ArrayList<>(contributions.allRights());
        rights.sort(Comparator.comparing((Contributions.Right r) -> String.join("/", r.definition().path()))
                .thenComparing(r -> r.definition().label()));
        List<Row> rows = new ArrayList<>();
        for (Contributions.Right right : rights) {
            rows.add(row(right, grants, allGroups, allUsers, versions.getOrDefault(right.definition().id(),
                    Version.FIRST).number()));
        }
        return rows;
    }

    private static Row row(Contributions.Right right, List<Grant> grants, List<Group> allGroups, List<Account> allUsers,
                           long version) {
        Map<String, Set<Level>> byGroup = new LinkedHashMap<>();
        Map<String, Set<Level>> byUser = new LinkedHashMap<>();
        for (Grant grant : grants) {
            if (!grant.rightId().equals(right.definition().id())) {
                continue;
            }
            (grant.subject() == Grant.Subject.GROUP ? byGroup : byUser).put(grant.subjectId(), grant.levels());
        }
        Set<String> enabled = new HashSet<>();
        allUsers.stream().filter(a -> !a.disabled()).forEach(a -> enabled.add(a.id()));
        Set<String> holders = new HashSet<>();
        byUser.keySet().stream().filter(enabled::contains).forEach(holders::add);
        List<String> warnings = new ArrayList<>();
        for (Group group : allGroups) {
            if (byGroup.containsKey(group.id())) {
                group.memberIds().stream().filter(enabled::contains).forEach(holders::add);
                if (right.definition().limitedHolders() && group.memberIds().size() > LARGE_GROUP) {
                    warnings.add("Granted to the group \"" + group.name() + "\", which has " + group.memberIds().size()
                            + " members. " + right.definition().holderHint() + ".");
                }
            }
        }
        if (right.definition().limitedHolders() && holders.size() > MANY_HOLDERS) {
            warnings.add(holders.size() + " users hold this right. " + right.definition().holderHint() + ".");
        }
        return new Row(right, byGroup, byUser, holders, warnings, version);
    }

    /**
     * Replaces the grants of one right: levels per group and per user, each only among the levels the right
     * offers (a level beyond read also grants read). The grants, their new version, the rights generation and
     * the audit entry commit together.
     *
     * @param basedOn the version of the right's grants the change was made on
     * @throws Refused when a level, group or user is unknown, or (as {@link Stale}) when the grants changed since
     *                 their version {@code basedOn}; nothing is changed then
     */
    public void grant(ActingUser actor, Contributions contributions, String rightId, Map<String, Set<Level>> groupLevels,
                      Map<String, Set<Level>> userLevels, long basedOn) {
        Contributions.Right right = contributions.right(rightId)
                .orElseThrow(() -> new Refused("There is no right '" + rightId + "' among the started plugins."));
        RightDefinition definition = right.definition();
        store.changing(() -> {
            Version version = store.version(rightId);
            if (version.number() != basedOn) {
                throw new Stale(version.staleMessage("the grants of '" + definition.label() + "'", basedOn));
            }
            List<Group> allGroups = groups.all();
            List<Account> allUsers = users.all();
            Set<String> groupIds = new HashSet<>();
            allGroups.forEach(g -> groupIds.add(g.id()));
            Set<String> userIds = new HashSet<>();
            allUsers.forEach(u -> userIds.add(u.id()));
            List<Grant> grants = new ArrayList<>();
            for (Map.Entry<String, Set<Level>> entry : groupLevels.entrySet()) {
                if (!groupIds.contains(entry.getKey())) {
                    throw new Refused("A group in the form no longer exists; reload the page.");
                }
                grants.add(new Grant(Grant.Subject.GROUP, entry.getKey(), rightId, closed(definition, entry.getValue())));
            }
            for (Map.Entry<String, Set<Level>> entry : userLevels.entrySet()) {
                if (!userIds.contains(entry.getKey())) {
                    throw new Refused("A user in the form no longer exists; reload the page.");
                }
                grants.add(new Grant(Grant.Subject.USER, entry.getKey(), rightId, closed(definition, entry.getValue())));
            }
            Row before = row(right, store.grants(), allGroups, allUsers, version.number());
            Row after = row(right, grants, allGroups, allUsers, version.number() + 1);
            String change = describe(before, after);
            store.replace(rightId, grants, version.next(actor.displayName(), clock.instant(), change));
            audit.record(AuditStore.HOST_SOURCE, actor, "rights.changed", "Changed the grants of '"
                    + definition.label() + "' (" + rightId + "): " + change);
            return null;
        });
    }

    private static Set<Level> closed(RightDefinition right, Set<Level> levels) {
        EnumSet<Level> result = EnumSet.noneOf(Level.class);
        for (Level level : levels) {
            if (!right.offers(level)) {
                throw new Refused("The right '" + right.label() + "' does not offer level " + level.letter()
                        + "; it offers " + Grant.letters(right.levels()) + ".");
            }
            result.add(level);
            result.add(Level.READ);
        }
        return result;
    }

    private String describe(Row before, Row after) {
        List<String> changes = new ArrayList<>();
        diff("group", before.groups(), after.groups(), changes, id -> groups.byId(id).map(Group::name).orElse(id));
        diff("user", before.users(), after.users(), changes, id -> users.byId(id).map(Account::login).orElse(id));
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static void diff(String kind, Map<String, Set<Level>> before, Map<String, Set<Level>> after,
                             List<String> changes, java.util.function.Function<String, String> name) {
        Set<String> ids = new java.util.TreeSet<>(before.keySet());
        ids.addAll(after.keySet());
        for (String id : ids) {
            String was = Grant.letters(before.getOrDefault(id, Set.of()));
            String now = Grant.letters(after.getOrDefault(id, Set.of()));
            if (!was.equals(now)) {
                changes.add(kind + " " + name.apply(id) + ": " + (was.isEmpty() ? "-" : was) + " -> "
                        + (now.isEmpty() ? "-" : now));
            }
        }
    }

}
