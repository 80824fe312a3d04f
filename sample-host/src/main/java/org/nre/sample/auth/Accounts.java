package org.nre.sample.auth;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import org.nre.hostapi.user.ActingUser;
import org.nre.sample.audit.AuditStore;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.UserStore;
import org.nre.sample.rights.RightsCache;

/** Signing in and out, changing one's password, and the first administrator. */
public final class Accounts {

    /** The same words whether the login is unknown, the password wrong, or the user disabled. */
    public static final String SIGN_IN_REFUSED = "The user name or password is wrong.";
    public static final String FIRST_ADMIN_LOGIN = "admin";

    /** How a sign-in ended. */
    public sealed interface SignIn {
        /** Signed in: a new session. */
        record Opened(SessionStore.Opened session) implements SignIn {
        }

        /** Refused, with what to tell the person (never whether the user exists). */
        record Refused(String message) implements SignIn {
        }
    }

    private final UserStore users;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final AuditStore audit;
    private final SignInThrottle throttle;
    private final RightsCache rights;

    public Accounts(UserStore users, SessionStore sessions, Passwords passwords, AuditStore audit,
                    SignInThrottle throttle, RightsCache rights) {
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.rights = rights;
    }

    public UserStore users() {
        return users;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public Passwords passwords() {
        return passwords;
    }

    /** Checks a sign-in; on success opens a new session (never reusing one the browser brought). */
    public SignIn signIn(String login, String password, String remoteAddress) {
        String name = login == null ? "" : login.strip();
        Optional<Duration> locked = throttle.lockedFor(name, remoteAddress);
        if (locked.isPresent()) {
            audit.record(AuditStore.HOST_SOURCE, anonymous(name, remoteAddress), "signin.throttled",
                    "Sign-in refused: too many failed sign-ins");
            long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
            return new SignIn.Refused("Too many failed sign-ins for this user name or from this address. Try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes."));
        }
        Optional<UserStore.Credentials> credentials = name.isEmpty() || name.length() > 64
                ? Optional.empty() : users.credentials(name);
        if (credentials.isEmpty()) {
            passwords.checkDecoy(password);
            throttle.failed(name, remoteAddress);
            audit.record(AuditStore.HOST_SOURCE, anonymous(name, remoteAddress), "signin.failed", "Unknown user name");
            return new SignIn.Refused(SIGN_IN_REFUSED);
        }
        Account account = credentials.get().account();
        boolean matches = passwords.matches(password, credentials.get().passwordHash());
        if (!matches || account.disabled()) {
            throttle.failed(name, remoteAddress);
            audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "signin.failed",
                    matches ? "User is disabled" : "Wrong password");
            return new SignIn.Refused(SIGN_IN_REFUSED);
        }
        throttle.succeeded(name);
        SessionStore.Opened opened = sessions.open(account.id(), remoteAddress);
        audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "signin", "Signed in");
        return new SignIn.Opened(opened);
    }

    public void signOut(Session session, Account account, String remoteAddress) {
        sessions.close(session.tokenHash());
        audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "signout", "Signed out");
    }

    /**
     * Changes a user's own password.
     *
     * @return what is wrong, or empty when the password was changed
     */
    public Optional<String> changePassword(Account account, String current, String chosen, String repeated,
                                           String remoteAddress) {
        Optional<UserStore.Credentials> credentials = users.credentials(account.login());
        if (credentials.isEmpty() || !passwords.matches(current, credentials.get().passwordHash())) {
            return Optional.of("The current password is wrong.");
        }
        String problem = Passwords.problem(chosen);
        if (problem != null) {
            return Optional.of("The new password is not acceptable: " + problem);
        }
        if (!chosen.equals(repeated)) {
            return Optional.of("The new password and its repetition differ.");
        }
        if (chosen.equals(current)) {
            return Optional.of("Choose a password other than the current one.");
        }
        users.setPassword(account.id(), passwords.hash(chosen), false);
        audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "password.changed", "Changed own password");
        return Optional.empty();
    }

    /**
     * Creates the first administrator when there are no users: with the given password, or with a
     * one-time password printed once to the console that must be changed at first sign-in.
     */
    public void ensureFirstAdministrator(NewPassword password, PrintStream console) {
        if (users.count() > 0) {
            return;
        }
        Account admin = new Account("admin", FIRST_ADMIN_LOGIN, "System", "Administrator", true, password.generated(),
                false);
        users.create(admin, password.hash());
        audit.record(AuditStore.HOST_SOURCE, ActingUser.system(), "user.created",
                "Created the first administrator '" + FIRST_ADMIN_LOGIN + "'");
        if (password.generated()) {
            console.println();
            console.println("==================================================================");
            console.println(" First start: sign in as '" + FIRST_ADMIN_LOGIN + "' with this one-time password:");
            console.println();
            console.println("     " + password.text());
            console.println();
            console.println(" It is shown only now; you will choose a new one at first sign-in.");
            console.println(" (Set NRE_ADMIN_PASSWORD before the first start to choose it yourself.)");
            console.println("==================================================================");
            console.println();
            console.flush();
        }
    }

    /** The acting user for a signed-in account, with its effective rights at the given generation. */
    public ActingUser acting(Account account, String remoteAddress, long rightsGeneration) {
        return new ActingUser(account.id(), account.displayName(), address(remoteAddress),
                rights.of(account, rightsGeneration));
    }

    /** An acting user for the audit log only: no rights. */
    public static ActingUser plain(Account account, String remoteAddress) {
        return new ActingUser(account.id(), account.displayName(), address(remoteAddress),
                org.nre.hostapi.rights.RightSet.none());
    }

    private static ActingUser anonymous(String login, String remoteAddress) {
        String shown = login.isEmpty() ? "(empty)" : login.length() > 64 ? login.substring(0, 64) : login;
        return new ActingUser("-", "(unknown: " + shown + ")", address(remoteAddress),
                org.nre.hostapi.rights.RightSet.none());
    }

    private static String address(String remoteAddress) {
        return remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress;
    }
}
