package org.nre.sample.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.StorageException;

/**
 * Slows password guessing without letting anyone lock an account out (OWASP ASVS 5.0, 6.3): sign-ins are
 * counted by the user name typed together with the address it came from, and by the address alone. After a few
 * free failures, each further attempt for the same key must wait longer after the one before: 1, 2, 4 seconds
 * and so on, up to {@link #LONGEST_WAIT}. A person at another address is never slowed by them. An attempt is
 * counted before its password is checked, so that a burst of attempts cannot all pass before any is counted;
 * the counts live in the database, so that every console node sees the same. A key without attempts for
 * {@link #FORGET_AFTER} starts afresh; a successful sign-in clears its user name's count at that address.
 */
public final class SignInThrottle {

    /** Failures of one user name from one address before the waits begin. */
    static final int FREE_PER_LOGIN_AND_ADDRESS = 3;
    /** Failures from one address, whatever the names, before the waits begin: a school's addresses are shared. */
    static final int FREE_PER_ADDRESS = 30;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    /** How an attempt stands: it may go ahead (and is counted), or must wait this long. */
    public sealed interface Attempt {
        record Allowed() implements Attempt {
        }

        /**
         * @param delay how long until the next attempt for this key may be made
         * @param byAddress whether the address's count, rather than this user name's at this address, holds it
         */
        record Wait(Duration delay, boolean byAddress) implements Attempt {
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public SignInThrottle(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a sign-in attempt before its password is checked, unless it has to wait. */
    public Attempt attempt(String login, String address) {
        Optional<Duration> wait = count(loginKey(login, address), FREE_PER_LOGIN_AND_ADDRESS);
        if (wait.isPresent()) {
            return new Attempt.Wait(wait.get(), false);
        }
        return count(addressKey(address), FREE_PER_ADDRESS).<Attempt>map(w -> new Attempt.Wait(w, true))
                .orElse(new Attempt.Allowed());
    }

    /** The attempt was right: this user name's count at this address is cleared, and the address's is undone. */
    public void succeeded(String login, String address) {
        jdbc.update("DELETE FROM host_signin_failure WHERE throttle_key = ?", loginKey(login, address));
        jdbc.update("UPDATE host_signin_failure SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0",
                addressKey(address));
    }

    /** The wait before the attempt after the {@code failures}-th: none while free, then doubling from a second. */
    static Duration waitAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - free - 1);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /**
     * Counts one attempt on the key, unless the key must still wait: compare-and-set on the values read, so
     * that attempts counted at once on several nodes are all counted and none slips past a wait.
     *
     * @return how long still to wait, or empty when the attempt was counted
     */
    private Optional<Duration> count(String key, int free) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 20; attempt++) {
            record Row(int failures, Instant firstAt, Instant lastAt, Instant until) {
            }
            Optional<Row> row = jdbc.one("SELECT failures, first_at, last_at, locked_until FROM host_signin_failure "
                    + "WHERE throttle_key = ?", r -> new Row(r.getInt("failures"), Jdbc.instant(r, "first_at"),
                    Jdbc.instant(r, "last_at"), Jdbc.instant(r, "locked_until")), key);
            if (row.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO host_signin_failure (throttle_key, failures, first_at, last_at, "
                            + "locked_until) VALUES (?, 1, ?, ?, ?)", key, now, now, now.plus(waitAfter(1, free)));
                    return Optional.empty();
                } catch (StorageException e) {
                    continue; // another node inserted it first: count on its row
                }
            }
            Row current = row.get();
            Instant last = current.lastAt() == null ? current.firstAt() : current.lastAt();
            boolean forgotten = last.plus(FORGET_AFTER).isBefore(now);
            // Within the free attempts the row's time is no wait but when the last attempt was counted: one counted
            // on another node (or thread) since this attempt read the clock must not hold it.
            if (!forgotten && current.failures() > free && current.until() != null && current.until().isAfter(now)) {
                return Optional.of(Duration.between(now, current.until()));
            }
            int failures = forgotten ? 1 : current.failures() + 1;
            int updated = jdbc.update("""
                    UPDATE host_signin_failure SET failures = ?, first_at = ?, last_at = ?, locked_until = ?
                     WHERE throttle_key = ? AND failures = ? AND first_at = ?""",
                    failures, forgotten ? now : current.firstAt(), now, now.plus(waitAfter(failures, free)), key,
                    current.failures(), current.firstAt());
            if (updated == 1) {
                return Optional.empty();
            }
        }
        return Optional.of(FIRST_WAIT); // the key is too busy to count now: the attempt waits, uncounted
    }

    private static String loginKey(String login, String address) {
        String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return "login:" + (name.length() > 100 ? name.substring(0, 100) : name) + "@" + truncated(address);
    }

    private static String addressKey(String address) {
        return "address:" + truncated(address);
    }

    private static String truncated(String address) {
        String text = address == null ? "" : address;
        return text.length() > 60 ? text.substring(0, 60) : text;
    }
}
