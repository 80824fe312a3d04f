package org.nre.sample.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.nre.sample.db.Jdbc;
import org.nre.sample.db.StorageException;

/**
 * Slows down password guessing: after too many failed sign-ins for one user name, or from one address,
 * within a window, sign-ins for it are refused for a while. Counted in the database, so that every console
 * node sees the same count; counted by the name typed, so that it behaves alike whether the user exists or not.
 */
public final class SignInThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    static final int FAILURES_PER_LOGIN = 5;
    static final int FAILURES_PER_ADDRESS = 20;

    private final Jdbc jdbc;
    private final Clock clock;

    public SignInThrottle(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long sign-ins for this name or from this address stay refused, or empty when they are allowed. */
    public Optional<Duration> lockedFor(String login, String address) {
        Instant now = clock.instant();
        Optional<Instant> until = jdbc.list("SELECT locked_until FROM host_signin_failure WHERE throttle_key IN (?, ?)",
                        row -> Jdbc.instant(row, "locked_until"), loginKey(login), addressKey(address)).stream()
                .filter(t -> t != null && t.isAfter(now)).max(Instant::compareTo);
        return until.map(t -> Duration.between(now, t));
    }

    public void failed(String login, String address) {
        count(loginKey(login), FAILURES_PER_LOGIN);
        count(addressKey(address), FAILURES_PER_ADDRESS);
    }

    public void succeeded(String login) {
        jdbc.update("DELETE FROM host_signin_failure WHERE throttle_key = ?", loginKey(login));
    }

    private void count(String key, int limit) {
        Instant now = clock.instant();
        for (int attempt = 0; attempt < 5; attempt++) {
            record Row(int failures, Instant firstAt) {
            }
            Optional<Row> row = jdbc.one("SELECT failures, first_at FROM host_signin_failure WHERE throttle_key = ?",
                    r -> new Row(r.getInt("failures"), Jdbc.instant(r, "first_at")), key);
            if (row.isEmpty()) {
                try {
                    jdbc.update("INSERT INTO host_signin_failure (throttle_key, failures, first_at, locked_until) "
                            + "VALUES (?, 1, ?, ?)", key, now, limit <= 1 ? now.plus(LOCK) : null);
                    return;
                } catch (StorageException e) {
                    continue; // another node inserted it first: count on its row
                }
            }
            boolean fresh = row.get().firstAt().isBefore(now.minus(WINDOW));
            int failures = fresh ? 1 : row.get().failures() + 1;
            Instant firstAt = fresh ? now : row.get().firstAt();
            // Compare-and-set on the values read, so that two nodes counting at once both count.
            int updated = jdbc.update("""
                    UPDATE host_signin_failure SET failures = ?, first_at = ?,
                           locked_until = CASE WHEN ? THEN ? ELSE locked_until END
                     WHERE throttle_key = ? AND failures = ? AND first_at = ?""",
                    failures, firstAt, failures >= limit, now.plus(LOCK), key, row.get().failures(),
                    row.get().firstAt());
            if (updated == 1) {
                return;
            }
        }
    }

    private static String loginKey(String login) {
        String name = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return "login:" + (name.length() > 150 ? name.substring(0, 150) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
