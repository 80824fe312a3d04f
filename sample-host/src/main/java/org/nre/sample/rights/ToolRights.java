package org.nre.sample.rights;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.rights.Grant;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;

/**
 * Tool rights as administrators manage them: each right's holders and grants, one user's effective rights, and
 * changes to one subject's grant (or to all of a right's grants) that are worked out before they are saved, so
 * that one which would give the right to more people than its definition states, or to a group, is refused
 * until it is confirmed. Console administrators hold a tool right only when it is granted to them.
 */
public final class ToolRights {

    /**
     * A group a right is granted to.
     *
     * @param id the group's id
     * @param name its name
     * @param members how many members it has
     * @param levels the levels granted to it
     */
    public record GroupGrant(String id, String name, long members, Set<Level> levels) {

        public String letters() {
            return Grant.letters(levels);
        }
    }

    /**
     * One right as the rights pages show it.
     *
     * @param right the right and its plugin
     * @param holders how many enabled users hold it
     * @param groups the groups it is granted to, by name
     * @param grants every grant of the right
     * @param warnings why its holders do not fit its definition
     * @param version the version of its grants, which a change must be based on
     */
    public record Summary(Contributions.Right right, long holders, List<GroupGrant> groups, List<Grant> grants,
                          List<String> warnings, long version) {

        public RightDefinition definition() {
            return right.definition();
        }

        /** The levels granted to the user directly, empty when none. */
        public Set<Level> direct(String userId) {
            return grants.stream().filter(g -> g.subject() == Grant.Subject.USER && g.subjectId().equals(userId))
                    .findFirst().map(Grant::levels).orElse(Set.of());
        }

        /** The levels granted to the group, empty when none. */
        public Set<Level> group(String groupId) {
            return grants.stream().filter(g -> g.subject() == Grant.Subject.GROUP && g.subjectId().equals(groupId))
                    .findFirst().map(Grant::levels).orElse(Set.of());
        }
    }

    /**
     * One right as one user holds it.
     *
     * @param right the right
     * @param levels the levels they hold, empty when none
     * @param sources where the levels come from
     */
    public record UserRight(Contributions.Right right, Set<Level> levels, List<RightHolders.Source> sources) {

        public String letters() {
            return Grant.letters(levels);
        }
    }

    /** A change refused, with why; nothing was changed. */
    public static class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A change based on an older version of the right's grants; nothing was changed. */
    public static final class Stale extends Refused {
        private static final long serialVersionUID = 1L;

        Stale(String message) {
            super(message);
        }
    }

    /** A change that must be confirmed first, with what it would do; nothing was changed. */
    public static final class Unconfirmed extends Refused {
        private static final long serialVersionUID = 1L;
        private final transient GrantImpact impact;

        Unconfirmed(String message, GrantImpact impact) {
            super(message);
            this.impact = impact;
        }

        public GrantImpact impact() {
            return impact;
        }
    }

    private final RightsStore store;
    private final RightHolders holders;
    private final GroupStore groups;
    private final UserStore users;
    private final AuditStore audit;
    private final Clock clock;

    public ToolRights(RightsStore store, RightHolders holders, GroupStore groups, UserStore users, AuditStore audit,
                      Clock clock) {
        this.store = store;
        this.holders = holders;
        this.groups = groups;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The queries behind the pages: holders, searches, groups. */
    public RightHolders holders() {
        return holders;
    }

    /** Every contributed right, by place in the tree and label. */
    public List<Summary> summaries(Contributions contributions) {
        Map<String, Version> versions = store.versions();
        List<Summary> summaries = new ArrayList<>();
        for (Contributions.Right right : sorted(contributions)) {
            summaries.add(summary(right, versions.getOrDefault(right.definition().id(), Version.FIRST).number()));
        }
        return summaries;
    }

    /** One contributed right, or empty when no started plugin defines it. */
    public Optional<Summary> summary(Contributions contributions, String rightId) {
        return contributions.right(rightId).map(right -> summary(right, store.version(rightId).number()));
    }

    private Summary summary(Contributions.Right right, long version) {
        RightDefinition definition = right.definition();
        List<Grant> grants = store.grantsOf(definition.id());
        List<String> groupIds = grants.stream().filter(g -> g.subject() == Grant.Subject.GROUP)
                .map(Grant::subjectId).toList();
        Map<String, Long> sizes = new HashMap<>();
        holders.findGroupsById(groupIds).forEach(g -> sizes.put(g.id(), g.members()));
        Map<String, String> names = holders.groupNames(groupIds);
        List<GroupGrant> granted = new ArrayList<>();
        for (Grant grant : grants) {
            if (grant.subject() == Grant.Subject.GROUP && names.containsKey(grant.subjectId())) {
                granted.add(new GroupGrant(grant.subjectId(), names.get(grant.subjectId()),
                        sizes.getOrDefault(grant.subjectId(), 0L), grant.levels()));
            }
        }
        granted.sort(Comparator.comparing(GroupGrant::name, String.CASE_INSENSITIVE_ORDER));
        long count = holders.count(definition.id());
        List<String> warnings = new ArrayList<>();
        if (definition.statesHolderCount() && count > definition.expectedHolders()) {
            warnings.add(count + " people hold this right; it should be held by at most "
                    + definition.expectedHolders() + ". " + sentence(definition.holderHint()));
        }
        if (definition.limitedHolders()) {
            for (GroupGrant group : granted) {
                warnings.add("Granted to the group \"" + group.name() + "\", which has " + group.members()
                        + (group.members() == 1 ? " member" : " members") + ": everyone added to it gains this right. "
                        + sentence(definition.holderHint()));
            }
        }
        return new Summary(right, count, granted, grants, warnings, version);
    }

    /** Every contributed right as the user holds it, with where each level comes from. */
    public List<UserRight> effective(Contributions contributions, String userId) {
        List<String> groupIds = groups.groupsOf(userId);
        Map<String, String> names = holders.groupNames(groupIds);
        Map<String, List<RightHolders.Source>> byRight = new HashMap<>();
        for (Grant grant : store.grantsHeldBy(userId, groupIds)) {
            RightHolders.Source source = grant.subject() == Grant.Subject.USER
                    ? new RightHolders.Source(Grant.Subject.USER, "", "", grant.levels())
                    : new RightHolders.Source(Grant.Subject.GROUP, grant.subjectId(),
                    names.getOrDefault(grant.subjectId(), grant.subjectId()), grant.levels());
            byRight.computeIfAbsent(grant.rightId(), k -> new ArrayList<>()).add(source);
        }
        List<UserRight> rights = new ArrayList<>();
        for (Contributions.Right right : sorted(contributions)) {
            List<RightHolders.Source> sources = byRight.getOrDefault(right.definition().id(), List.of());
            rights.add(new UserRight(right, RightHolders.union(sources), sources));
        }
        return rights;
    }

    /**
     * Gives one user or group these levels of a right (none: takes their grant away), once confirmed when it
     * must be. The grant, the right's new version, the rights generation and the audit entry commit together.
     *
     * @param basedOn the version of the right's grants the change was made on
     * @param confirmed whether the administrator has confirmed the change after seeing its impact
     * @throws Refused when the right, the subject or a level is unknown; as {@link Stale} when the grants changed
     *                 since {@code basedOn}; as {@link Unconfirmed} when the change must be confirmed first
     */
    public GrantImpact change(ActingUser actor, Contributions contributions, String rightId, Grant.Subject subject,
                              String subjectId, Set<Level> levels, long basedOn, boolean confirmed) {
        Contributions.Right right = known(contributions, rightId);
        return store.changing(() -> {
            Version version = current(right, basedOn);
            requireSubject(subject, subjectId);
            List<Grant> after = withGrant(store.grantsOf(rightId), new Grant(subject, subjectId, rightId,
                    closed(right.definition(), levels)));
            return save(actor, right, version, after, confirmed);
        });
    }

    /** What giving one user or group these levels would do, without changing anything. */
    public GrantImpact impactOf(Contributions contributions, String rightId, Grant.Subject subject, String subjectId,
                                Set<Level> levels) {
        Contributions.Right right = known(contributions, rightId);
        requireSubject(subject, subjectId);
        List<Grant> before = store.grantsOf(rightId);
        return impact(right.definition(), before, withGrant(before, new Grant(subject, subjectId, rightId,
                closed(right.definition(), levels))));
    }

    /**
     * Replaces every grant of one right: levels per group and per user, each only among the levels the right
     * offers. Worked out and confirmed as {@link #change} is.
     */
    public GrantImpact replace(ActingUser actor, Contributions contributions, String rightId,
                               Map<String, Set<Level>> groupLevels, Map<String, Set<Level>> userLevels, long basedOn,
                               boolean confirmed) {
        Contributions.Right right = known(contributions, rightId);
        return store.changing(() -> {
            Version version = current(right, basedOn);
            List<Grant> after = new ArrayList<>();
            Set<String> knownGroups = holders.groupNames(groupLevels.keySet()).keySet();
            for (Map.Entry<String, Set<Level>> entry : groupLevels.entrySet()) {
                if (!knownGroups.contains(entry.getKey())) {
                    throw new Refused("There is no group '" + entry.getKey() + "' (it may have been deleted); "
                            + "reload the page.");
                }
                after.add(new Grant(Grant.Subject.GROUP, entry.getKey(), rightId,
                        closed(right.definition(), entry.getValue())));
            }
            Set<String> knownUsers = new HashSet<>();
            holders.accounts(userLevels.keySet()).forEach(a -> knownUsers.add(a.id()));
            for (Map.Entry<String, Set<Level>> entry : userLevels.entrySet()) {
                if (!knownUsers.contains(entry.getKey())) {
                    throw new Refused("There is no user '" + entry.getKey() + "' (they may have been deleted); "
                            + "reload the page.");
                }
                after.add(new Grant(Grant.Subject.USER, entry.getKey(), rightId,
                        closed(right.definition(), entry.getValue())));
            }
            return save(actor, right, version, after, confirmed);
        });
    }

    private GrantImpact save(ActingUser actor, Contributions.Right right, Version version, List<Grant> after,
                             boolean confirmed) {
        RightDefinition definition = right.definition();
        List<Grant> before = store.grantsOf(definition.id());
        GrantImpact impact = impact(definition, before, after);
        if (impact.needsConfirmation() && !confirmed) {
            throw new Unconfirmed("Nothing was changed yet: " + String.join(" ", impact.reasons()), impact);
        }
        String change = describe(actor, before, after);
        if (impact.gainerCount() > 0) {
            change += " (" + impact.gainerCount() + (impact.gainerCount() == 1 ? " user gains" : " users gain")
                    + " it; " + impact.holdersAfter() + " hold it)";
        }
        store.replace(definition.id(), after, version.next(actor.displayName(), clock.instant(), change));
        audit.record(AuditStore.HOST_SOURCE, actor, "rights.changed", "Changed the grants of '"
                + definition.label() + "' (" + definition.id() + "): " + change);
        return impact;
    }

    /**
     * Why a change of a group's members must be confirmed: for each limited right granted to the group, who would
     * gain it through the change and how many would then hold it. Empty when nobody gains a limited right.
     *
     * @param membersAfter the group's members after the change
     */
    public List<String> membershipReasons(Contributions contributions, String groupId, Set<String> membersAfter) {
        List<String> reasons = new ArrayList<>();
        for (Contributions.Right right : sorted(contributions)) {
            RightDefinition definition = right.definition();
            if (!definition.limitedHolders()) {
                continue;
            }
            List<Grant> grants = store.grantsOf(definition.id());
            if (grants.stream().noneMatch(g -> g.subject() == Grant.Subject.GROUP && g.subjectId().equals(groupId))) {
                continue;
            }
            Set<String> groupIds = new HashSet<>();
            grants.stream().filter(g -> g.subject() == Grant.Subject.GROUP).forEach(g -> groupIds.add(g.subjectId()));
            Map<String, Set<String>> before = holders.membersOf(groupIds);
            Map<String, Set<String>> after = new HashMap<>(before);
            after.put(groupId, membersAfter);
            GrantImpact impact = impact(definition, grants, before, grants, after);
            if (impact.gainerCount() > 0) {
                String named = String.join("; ", impact.gainers().stream().limit(10)
                        .map(a -> a.displayName() + " (" + a.login() + ")").toList())
                        + (impact.gainerCount() > 10 ? " and " + (impact.gainerCount() - 10) + " more" : "");
                reasons.add(impact.gainerCount() + (impact.gainerCount() == 1 ? " person gains" : " people gain")
                        + " '" + definition.label() + "' through this group: " + named + ". " + impact.holdersAfter()
                        + " would hold it" + (definition.statesHolderCount() ? ", where it should be held by at most "
                        + definition.expectedHolders() : "") + ". " + sentence(definition.holderHint()));
            }
        }
        return reasons;
    }

    /** Who would gain the right or a level of it, and whether that must be confirmed. */
    private GrantImpact impact(RightDefinition definition, List<Grant> before, List<Grant> after) {
        Set<String> groupIds = new HashSet<>();
        before.stream().filter(g -> g.subject() == Grant.Subject.GROUP).forEach(g -> groupIds.add(g.subjectId()));
        after.stream().filter(g -> g.subject() == Grant.Subject.GROUP).forEach(g -> groupIds.add(g.subjectId()));
        Map<String, Set<String>> members = holders.membersOf(groupIds);
        return impact(definition, before, members, after, members);
    }

    private GrantImpact impact(RightDefinition definition, List<Grant> before, Map<String, Set<String>> membersBefore,
                               List<Grant> after, Map<String, Set<String>> membersAfter) {
        Set<String> disabled = holders.disabledUsers();
        Map<String, Set<Level>> was = levelsByUser(before, membersBefore, disabled);
        Map<String, Set<Level>> now = levelsByUser(after, membersAfter, disabled);
        Set<String> gainers = new TreeSet<>();
        now.forEach((user, levels) -> {
            if (!was.getOrDefault(user, Set.of()).containsAll(levels)) {
                gainers.add(user);
            }
        });
        List<String> reasons = new ArrayList<>();
        if (!gainers.isEmpty()) {
            if (definition.statesHolderCount() && now.size() > definition.expectedHolders()) {
                reasons.add("After this change " + now.size() + " people would hold '" + definition.label()
                        + "', which should be held by at most " + definition.expectedHolders() + ". "
                        + sentence(definition.holderHint()));
            }
            if (definition.limitedHolders() && grantsMoreToAGroup(before, after)) {
                reasons.add("This grants '" + definition.label() + "' to a group: its " + gainers.size()
                        + (gainers.size() == 1 ? " member gains" : " members gain")
                        + " it now, and everyone added to the group later gains it too.");
            }
        }
        List<String> named = gainers.stream().limit(5L * GrantImpact.NAMED_GAINERS).toList();
        List<Account> accounts = holders.accounts(named).stream().limit(GrantImpact.NAMED_GAINERS).toList();
        return new GrantImpact(accounts, gainers.size(), was.size(), now.size(), definition.expectedHolders(),
                reasons);
    }

    private static boolean grantsMoreToAGroup(List<Grant> before, List<Grant> after) {
        Map<String, Set<Level>> was = new HashMap<>();
        before.stream().filter(g -> g.subject() == Grant.Subject.GROUP).forEach(g -> was.put(g.subjectId(), g.levels()));
        return after.stream().anyMatch(g -> g.subject() == Grant.Subject.GROUP && !g.levels().isEmpty()
                && !was.getOrDefault(g.subjectId(), Set.of()).containsAll(g.levels()));
    }

    private static Map<String, Set<Level>> levelsByUser(List<Grant> grants, Map<String, Set<String>> members,
                                                        Set<String> disabled) {
        Map<String, Set<Level>> levels = new HashMap<>();
        for (Grant grant : grants) {
            if (grant.levels().isEmpty()) {
                continue;
            }
            Set<String> users = grant.subject() == Grant.Subject.USER ? Set.of(grant.subjectId())
                    : members.getOrDefault(grant.subjectId(), Set.of());
            for (String user : users) {
                if (!disabled.contains(user)) {
                    levels.computeIfAbsent(user, k -> EnumSet.noneOf(Level.class)).addAll(grant.levels());
                }
            }
        }
        return levels;
    }

    /** The grants with the given one in place of the same subject's. */
    private static List<Grant> withGrant(List<Grant> grants, Grant changed) {
        List<Grant> after = new ArrayList<>();
        for (Grant grant : grants) {
            if (grant.subject() != changed.subject() || !grant.subjectId().equals(changed.subjectId())) {
                after.add(grant);
            }
        }
        after.add(changed);
        return after;
    }

    private Contributions.Right known(Contributions contributions, String rightId) {
        return contributions.right(rightId)
                .orElseThrow(() -> new Refused("There is no right '" + rightId + "' among the started plugins."));
    }

    private Version current(Contributions.Right right, long basedOn) {
        Version version = store.version(right.definition().id());
        if (version.number() != basedOn) {
            throw new Stale(version.staleMessage("the grants of '" + right.definition().label() + "'", basedOn));
        }
        return version;
    }

    private void requireSubject(Grant.Subject subject, String subjectId) {
        boolean exists = subject == Grant.Subject.USER ? users.byId(subjectId).isPresent()
                : !holders.groupNames(List.of(subjectId)).isEmpty();
        if (!exists) {
            throw new Refused("There is no " + (subject == Grant.Subject.USER ? "user" : "group") + " '" + subjectId
                    + "' (it may have been deleted); reload the page.");
        }
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

    private String describe(ActingUser actor, List<Grant> before, List<Grant> after) {
        List<String> changes = new ArrayList<>();
        for (Grant.Subject subject : Grant.Subject.values()) {
            Map<String, Set<Level>> was = bySubject(before, subject);
            Map<String, Set<Level>> now = bySubject(after, subject);
            Set<String> ids = new TreeSet<>(was.keySet());
            ids.addAll(now.keySet());
            for (String id : ids) {
                String from = Grant.letters(was.getOrDefault(id, Set.of()));
                String to = Grant.letters(now.getOrDefault(id, Set.of()));
                if (!from.equals(to)) {
                    String name = subject == Grant.Subject.GROUP
                            ? "group " + holders.groupNames(List.of(id)).getOrDefault(id, id)
                            : "user " + users.byId(id).map(Account::login).orElse(id)
                            + (id.equals(actor.id()) ? " (themself)" : "");
                    changes.add(name + ": " + (from.isEmpty() ? "-" : from) + " -> " + (to.isEmpty() ? "-" : to));
                }
            }
        }
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static Map<String, Set<Level>> bySubject(List<Grant> grants, Grant.Subject subject) {
        Map<String, Set<Level>> levels = new LinkedHashMap<>();
        grants.stream().filter(g -> g.subject() == subject && !g.levels().isEmpty())
                .forEach(g -> levels.put(g.subjectId(), g.levels()));
        return levels;
    }

    private static List<Contributions.Right> sorted(Contributions contributions) {
        List<Contributions.Right> rights = new ArrayList<>(contributions.allRights());
        rights.sort(Comparator.comparing((Contributions.Right r) -> String.join("/", r.definition().path()))
                .thenComparing(r -> r.definition().label()));
        return rights;
    }

    private static String sentence(String hint) {
        return hint.isEmpty() || hint.endsWith(".") ? hint : hint + ".";
    }
}
