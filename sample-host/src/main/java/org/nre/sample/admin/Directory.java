package org.nre.sample.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.auth.PasswordPolicy;
import org.nre.sample.auth.Passwords;
import org.nre.sample.auth.SessionStore;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;

/**
 * What console administrators do to users and groups: every change is checked field by field and against the
 * version it was based on, and commits together with its audit entry and the move of the rights generation
 * (so that it applies at each user's next request), or not at all.
 */
public final class Directory {

    /** How a change ended: done with a message, refused with what is wrong per field, or based on an old version. */
    public record Outcome(String message, List<FieldError> problems, boolean stale) {
        public Outcome {
            problems = List.copyOf(problems);
        }

        public Outcome(String message, List<FieldError> problems) {
            this(message, problems, false);
        }

        public boolean done() {
            return problems.isEmpty();
        }

        static Outcome done(String message) {
            return new Outcome(message, List.of());
        }

        static Outcome refused(List<FieldError> problems) {
            return new Outcome("Nothing was changed: correct the fields marked.", problems);
        }

        static Outcome stale(String message) {
            return new Outcome(message, List.of(new FieldError("version", message)), true);
        }

        /** Nothing was changed: the change must be confirmed first, for the reasons in the message. */
        static Outcome unconfirmed(String message) {
            return new Outcome(message, List.of(new FieldError(CONFIRM, message)));
        }

        /** Whether the change waits for a confirmation (the field {@code confirm}). */
        public boolean needsConfirmation() {
            return problems.stream().anyMatch(p -> p.field().equals(CONFIRM));
        }
    }

    /** The field a change that must be confirmed is refused on, and which confirms it. */
    public static final String CONFIRM = "confirm";

    /**
     * Why a change of a group's members must be confirmed first: the limited tool rights its new members would
     * gain through it. The tool rights know; the directory asks.
     */
    @FunctionalInterface
    public interface GroupGrants {

        /** The reasons, each naming the right and who would gain it; empty when nobody gains a limited right. */
        List<String> wideningReasons(String groupId, Set<String> membersAfter);
    }

    /**
     * What an administrator submits for a user.
     *
     * @param email the user's e-mail address, empty for none, or null to leave it as it is
     */
    public record UserForm(String login, String firstName, String lastName, boolean administrator, boolean disabled,
                           String temporaryPassword, String email) {
    }

    /** The longest e-mail address a mail server must accept (RFC 5321's path limit less its brackets). */
    static final int MAX_EMAIL_LENGTH = 254;

    /** What an administrator submits for a group. */
    public record GroupForm(String name, String description, List<String> memberIds, boolean confirmed) {

        /** A form that has not confirmed anything. */
        public GroupForm(String name, String description, List<String> memberIds) {
            this(name, description, memberIds, false);
        }
    }

    private final UserStore users;
    private final GroupStore groups;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final RightsStore rights;
    private final AuditStore audit;
    private final Clock clock;
    private final GroupGrants groupGrants;

    public Directory(UserStore users, GroupStore groups, SessionStore sessions, Passwords passwords, RightsStore rights,
                     AuditStore audit, Clock clock, GroupGrants groupGrants) {
        this.groupGrants = groupGrants;
        this.users = users;
        this.groups = groups;
        this.sessions = sessions;
        this.passwords = passwords;
        this.rights = rights;
        this.audit = audit;
        this.clock = clock;
    }

    public UserStore users() {
        return users;
    }

    public GroupStore groups() {
        return groups;
    }

    public Outcome createUser(ActingUser actor, UserForm form) {
        String login = form.login().strip();
        String passwordProblem = PasswordPolicy.problem(form.temporaryPassword(), login,
                List.of(form.firstName(), form.lastName()));
        // Hashed before the transaction: nothing waits on the locks while Argon2 runs.
        String hash = passwordProblem == null ? passwords.hash(form.temporaryPassword()) : null;
        return rights.changing(() -> {
            List<FieldError> problems = new ArrayList<>();
            String loginProblem = loginProblem(login);
            if (loginProblem != null) {
                problems.add(new FieldError("login", loginProblem));
            }
            names(form, problems);
            email(form, problems);
            if (passwordProblem != null) {
                problems.add(new FieldError("temporary-password", passwordProblem));
            }
            if (!problems.isEmpty()) {
                return Outcome.refused(problems);
            }
            Account account = new Account(UUID.randomUUID().toString(), login, form.firstName().strip(),
                    form.lastName().strip(), form.administrator(), true, form.disabled(),
                    form.email() == null ? "" : form.email().strip());
            users.create(account, hash);
            rights.changed();
            audit.record(AuditStore.HOST_SOURCE, actor, "user.created", "Created user '" + login + "' ("
                    + account.displayName() + (account.administrator() ? ", console administrator" : "") + ")");
            return Outcome.done("Created " + account.displayName() + ". They choose their own password at first "
                    + "sign-in.");
        });
    }

    private String loginProblem(String login) {
        if (!login.matches("[A-Za-z0-9._@-]{2,64}")) {
            return "Use 2 to 64 letters, digits, '.', '_', '@' or '-'.";
        }
        if (users.byLogin(login).isPresent()) {
            return "The user name '" + login + "' is taken.";
        }
        return null;
    }

    /**
     * Changes a user's names, administration and whether they may sign in.
     *
     * @param basedOn the version of the user the change was made on
     */
    public Outcome updateUser(ActingUser actor, String userId, UserForm form, long basedOn) {
        return rights.changing(() -> {
            Optional<Account> found = users.byId(userId);
            if (found.isEmpty()) {
                return Outcome.refused(List.of(new FieldError("login", "There is no such user.")));
            }
            Account before = found.get();
            Version version = users.version(userId).orElseThrow();
            if (version.number() != basedOn) {
                return Outcome.stale(version.staleMessage("the user " + before.login(), basedOn));
            }
            List<FieldError> problems = new ArrayList<>();
            names(form, problems);
            email(form, problems);
            boolean losesAdministration = before.administrator() && !before.disabled()
                    && (!form.administrator() || form.disabled());
            if (losesAdministration && users.enabledAdministrators() <= 1) {
                problems.add(new FieldError("administrator", "This is the last console administrator: make someone "
                        + "else an administrator first."));
            }
            if (!problems.isEmpty()) {
                return Outcome.refused(problems);
            }
            Account after = new Account(before.id(), before.login(), form.firstName().strip(), form.lastName().strip(),
                    form.administrator(), before.mustChangePassword(), form.disabled(),
                    form.email() == null ? before.email() : form.email().strip());
            String change = describeChange(before, after);
            users.update(after, version.next(actor.displayName(), clock.instant(), change));
            if (after.disabled()) {
                sessions.closeAllOf(after.id());
            }
            rights.changed();
            audit.record(AuditStore.HOST_SOURCE, actor, "user.changed", "Changed user '" + before.login() + "': "
                    + change);
            return Outcome.done("Saved " + after.displayName() + ".");
        });
    }

    public Outcome resetPassword(ActingUser actor, String userId, String temporaryPassword) {
        Optional<Account> found = users.byId(userId);
        if (found.isEmpty()) {
            return Outcome.refused(List.of(new FieldError("temporary-password", "There is no such user.")));
        }
        Account account = found.get();
        String problem = PasswordPolicy.problem(temporaryPassword, account.login(),
                List.of(account.firstName(), account.lastName()));
        if (problem != null) {
            return Outcome.refused(List.of(new FieldError("temporary-password", problem)));
        }
        String hash = passwords.hash(temporaryPassword);
        return rights.changing(() -> {
            if (users.byId(userId).isEmpty()) {
                return Outcome.refused(List.of(new FieldError("temporary-password", "There is no such user.")));
            }
            users.setPassword(userId, hash, true);
            sessions.closeAllOf(userId);
            audit.record(AuditStore.HOST_SOURCE, actor, "user.password-reset", "Set a temporary password for '"
                    + account.login() + "'");
            return Outcome.done("Set a temporary password for " + account.displayName()
                    + ". They choose their own at their next sign-in.");
        });
    }

    public Outcome createGroup(ActingUser actor, GroupForm form) {
        return rights.changing(() -> {
            List<FieldError> problems = groupProblems(form, Optional.empty());
            if (!problems.isEmpty()) {
                return Outcome.refused(problems);
            }
            Group group = new Group(UUID.randomUUID().toString(), form.name().strip(), form.description().strip(),
                    distinct(form.memberIds()));
            groups.create(group);
            rights.changed();
            audit.record(AuditStore.HOST_SOURCE, actor, "group.created", "Created group '" + group.name() + "' with "
                    + group.memberIds().size() + " members");
            return Outcome.done("Created the group " + group.name() + ".");
        });
    }

    /**
     * Replaces a group's name, description and members.
     *
     * @param basedOn the version of the group the change was made on
     */
    public Outcome updateGroup(ActingUser actor, String groupId, GroupForm form, long basedOn) {
        return rights.changing(() -> {
            Optional<Group> before = groups.byId(groupId);
            if (before.isEmpty()) {
                return Outcome.refused(List.of(new FieldError("name", "There is no such group.")));
            }
            Version version = groups.version(groupId).orElseThrow();
            if (version.number() != basedOn) {
                return Outcome.stale(version.staleMessage("the group " + before.get().name(), basedOn));
            }
            List<FieldError> problems = groupProblems(form, before);
            if (!problems.isEmpty()) {
                return Outcome.refused(problems);
            }
            Group after = new Group(groupId, form.name().strip(), form.description().strip(),
                    distinct(form.memberIds()));
            Set<String> added = new LinkedHashSet<>(after.memberIds());
            before.get().memberIds().forEach(added::remove);
            if (!added.isEmpty() && !form.confirmed()) {
                List<String> reasons = groupGrants.wideningReasons(groupId, new LinkedHashSet<>(after.memberIds()));
                if (!reasons.isEmpty()) {
                    return Outcome.unconfirmed("Nothing was changed yet: " + String.join(" ", reasons)
                            + " Confirm to add them.");
                }
            }
            Set<String> removed = new LinkedHashSet<>(before.get().memberIds());
            after.memberIds().forEach(removed::remove);
            String change = (before.get().name().equals(after.name()) ? "" : "renamed to '" + after.name() + "', ")
                    + "added " + logins(added) + ", removed " + logins(removed);
            groups.update(after, version.next(actor.displayName(), clock.instant(), change));
            rights.changed();
            audit.record(AuditStore.HOST_SOURCE, actor, "group.changed", "Changed group '" + before.get().name()
                    + "': " + change);
            return Outcome.done("Saved the group " + after.name() + ".");
        });
    }

    /**
     * Deletes a group and its grants.
     *
     * @param basedOn the version of the group the deletion was asked on
     */
    public Outcome deleteGroup(ActingUser actor, String groupId, long basedOn) {
        return rights.changing(() -> {
            Optional<Group> group = groups.byId(groupId);
            if (group.isEmpty()) {
                return Outcome.refused(List.of(new FieldError("name", "There is no such group.")));
            }
            Version version = groups.version(groupId).orElseThrow();
            if (version.number() != basedOn) {
                return Outcome.stale(version.staleMessage("the group " + group.get().name(), basedOn));
            }
            groups.delete(groupId);
            rights.changed();
            audit.record(AuditStore.HOST_SOURCE, actor, "group.deleted", "Deleted group '" + group.get().name()
                    + "' and its grants");
            return Outcome.done("Deleted the group " + group.get().name() + ".");
        });
    }

    private List<FieldError> groupProblems(GroupForm form, Optional<Group> existing) {
        List<FieldError> problems = new ArrayList<>();
        String name = form.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new FieldError("name", "Give the group a name of 1 to 100 characters."));
        } else {
            Optional<Group> same = groups.byName(name);
            if (same.isPresent() && existing.map(g -> !g.id().equals(same.get().id())).orElse(true)) {
                problems.add(new FieldError("name", "There is a group named '" + name + "' already."));
            }
        }
        if (form.description().length() > 500) {
            problems.add(new FieldError("description", "Use at most 500 characters."));
        }
        for (String member : form.memberIds()) {
            if (users.byId(member).isEmpty()) {
                problems.add(new FieldError("members", "A chosen member does not exist; reload the page."));
                break;
            }
        }
        return problems;
    }

    private static void names(UserForm form, List<FieldError> problems) {
        if (form.firstName().isBlank() || form.firstName().length() > 100) {
            problems.add(new FieldError("first-name", "Give a first name of 1 to 100 characters."));
        }
        if (form.lastName().isBlank() || form.lastName().length() > 100) {
            problems.add(new FieldError("last-name", "Give a last name of 1 to 100 characters."));
        }
    }

    private static void email(UserForm form, List<FieldError> problems) {
        String email = form.email() == null ? "" : form.email().strip();
        if (!email.isEmpty() && (email.length() > MAX_EMAIL_LENGTH
                || !email.matches("[^@\\s,;<>()\\[\\]\"]+@[^@\\s,;<>()\\[\\]\"]+\\.[^@\\s,;<>()\\[\\]\".]+"))) {
            problems.add(new FieldError("email", "Give one e-mail address such as name@district.example (at most "
                    + MAX_EMAIL_LENGTH + " characters), or leave it empty for none."));
        }
    }

    private String logins(Set<String> userIds) {
        if (userIds.isEmpty()) {
            return "nobody";
        }
        List<String> names = new ArrayList<>();
        for (String id : userIds) {
            names.add(users.byId(id).map(Account::login).orElse(id));
        }
        return String.join(", ", names);
    }

    private static List<String> distinct(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static String describeChange(Account before, Account after) {
        List<String> changes = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            changes.add("name " + before.displayName() + " -> " + after.displayName());
        }
        if (before.administrator() != after.administrator()) {
            changes.add(after.administrator() ? "made a console administrator" : "no longer a console administrator");
        }
        if (before.disabled() != after.disabled()) {
            changes.add(after.disabled() ? "disabled" : "enabled");
        }
        if (!before.email().equals(after.email())) {
            changes.add(after.email().isEmpty() ? "e-mail address removed" : "e-mail address "
                    + (before.email().isEmpty() ? "(none)" : before.email()) + " -> " + after.email());
        }
        return changes.isEmpty() ? "nothing" : String.join(", ", changes);
    }
}
