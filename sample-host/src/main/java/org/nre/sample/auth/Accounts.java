package org.nre.sample.auth;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.rights.RightsCache;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.UserStore;

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

        /** Not checked: too many sign-ins are being checked at once; the person tries again shortly. */
        record Busy(String message, Duration retryAfter) implements SignIn {
        }
    }

    private final UserStore users;
    private final SessionStore sessions;
    private final Passwords passwords;
    private final AuditStore audit;
    private final SignInThrottle throttle;
    private final RightsCache rights;
    private final MeterRegistry meters;

    /** The counter of sign-ins by how they ended, {@code console.signins{outcome=...}}. */
    public static final String SIGN_INS = "console.signins";
    static final java.util.List<String> OUTCOMES = java.util.List.of("success", "bad_credentials", "disabled",
            "throttled", "busy");

    public Accounts(UserStore users, SessionStore sessions, Passwords passwords, AuditStore audit,
                    SignInThrottle throttle, RightsCache rights, MeterRegistry meters) {
        this.meters = meters;
        // Each outcome from zero, so that a monitor's rate over it exists before the first one.
        OUTCOMES.forEach(outcome -> counter(outcome));
        this.users = users;
        this.sessions = sessions;
        this.passwords = passwords;
        this.audit = audit;
        this.throttle = throttle;
        this.rights = rights;
    }

    private io.micrometer.core.instrument.Counter counter(String outcome) {
        return io.micrometer.core.instrument.Counter.builder(SIGN_INS).description("Sign-ins by how they ended")
                .tag("outcome", outcome).register(meters);
    }

    private SignIn counted(String outcome, SignIn signIn) {
        counter(outcome).increment();
        return signIn;
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

    /**
     * Checks a sign-in; on success opens a new session (never reusing one the browser brought). The attempt is
     * counted before the password is checked, and the check waits its turn among the hashes being computed.
     */
    public SignIn signIn(String login, String password, String remoteAddress) {
        String name = login == null ? "" : login.strip();
        SignInThrottle.Attempt attempt = throttle.attempt(name, remoteAddress);
        if (attempt instanceof SignInThrottle.Attempt.Wait wait) {
            audit.record(AuditStore.HOST_SOURCE, anonymous(name, remoteAddress), "signin.throttled",
                    "Sign-in refused unchecked: too many failed sign-ins " + (wait.byAddress() ? "from this address"
                            : "for this user name from this address"));
            return counted("throttled", new SignIn.Refused("Too many failed sign-ins " + (wait.byAddress()
                    ? "from this address" : "for this user name from this address") + ". Try again in "
                    + inWords(wait.delay()) + "."));
        }
        try {
            return check(name, password, remoteAddress);
        } catch (Hashing.Busy e) {
            audit.record(AuditStore.HOST_SOURCE, anonymous(name, remoteAddress), "signin.busy",
                    "Sign-in refused unchecked: too many sign-ins at once");
            return counted("busy", new SignIn.Busy("The console is checking many sign-ins at once. Try again in "
                    + "a moment.", Duration.ofSeconds(1)));
        }
    }

    private SignIn check(String name, String password, String remoteAddress) {
        Optional<UserStore.Credentials> credentials = name.isEmpty() || name.length() > 64
                ? Optional.empty() : users.credentials(name);
        if (credentials.isEmpty()) {
            passwords.checkDecoy(password);
            audit.record(AuditStore.HOST_SOURCE, anonymous(name, remoteAddress), "signin.failed", "Unknown user name");
            return counted("bad_credentials", new SignIn.Refused(SIGN_IN_REFUSED));
        }
        Account account = credentials.get().account();
        boolean matches = passwords.matches(password, credentials.get().passwordHash());
        if (!matches || account.disabled()) {
            audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "signin.failed",
                    matches ? "User is disabled" : "Wrong password");
            return counted(matches ? "disabled" : "bad_credentials", new SignIn.Refused(SIGN_IN_REFUSED));
        }
        throttle.succeeded(name, remoteAddress);
        SessionStore.Opened opened = sessions.open(account.id(), remoteAddress);
        audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "signin", "Signed in");
        return counted("success", new SignIn.Opened(opened));
    }

    public void signOut(Session session, Account account, String remoteAddress) {
        sessions.close(session.tokenHash());
        audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "signout", "Signed out");
    }

    /**
     * Changes a user's own password and ends their other sessions: whoever else held one of them (a stolen
     * cookie, a shared machine) must sign in with the new password.
     *
     * @return what is wrong, or empty when the password was changed
     */
    public Optional<String> changePassword(Session session, Account account, String current, String chosen,
                                           String repeated, String remoteAddress) {
        // The current password is guessed no faster here than at the sign-in form.
        if (throttle.attempt(account.login(), remoteAddress) instanceof SignInThrottle.Attempt.Wait wait) {
            audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "password.refused",
                    "Own password not changed, unchecked: too many wrong passwords");
            return Optional.of("Too many wrong passwords. Try again in " + inWords(wait.delay()) + ".");
        }
        Optional<UserStore.Credentials> credentials = users.credentials(account.login());
        if (credentials.isEmpty() || !passwords.matches(current, credentials.get().passwordHash())) {
            audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "password.refused",
                    "Own password not changed: the current password was wrong");
            return Optional.of("The current password is wrong.");
        }
        throttle.succeeded(account.login(), remoteAddress);
        String problem = PasswordPolicy.problem(chosen, account.login(),
                List.of(account.firstName(), account.lastName()));
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
        int ended = sessions.closeOthersOf(account.id(), session.tokenHash());
        audit.record(AuditStore.HOST_SOURCE, plain(account, remoteAddress), "password.changed", "Changed own password"
                + (ended == 0 ? "" : "; ended " + ended + " other session" + (ended == 1 ? "" : "s")));
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
        Account admin = firstAdministrator(password.generated());
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

    /** The account a new console starts with. */
    public static Account firstAdministrator(boolean mustChangePassword) {
        return new Account("admin", FIRST_ADMIN_LOGIN, "System", "Administrator", true, mustChangePassword, false);
    }

    /**
     * The acting user for a signed-in account, with its effective rights at the given generation. A console
     * administrator manages rights but holds a tool right only when it is granted to them, as anyone else.
     */
    public ActingUser acting(Account account, String remoteAddress, long rightsGeneration) {
        return new ActingUser(account.id(), account.displayName(), address(remoteAddress),
                rights.of(account.id(), rightsGeneration));
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

    private static String inWords(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }

    private static String address(String remoteAddress) {
        return remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress;
    }
}
