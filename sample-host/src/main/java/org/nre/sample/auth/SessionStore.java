package org.nre.sample.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.nre.hostkit.db.Jdbc;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.UserStore;

/**
 * Sessions in the database, so that any console node can serve any session. The browser holds a random
 * token; the database holds its hash.
 */
public final class SessionStore {

    /** A session unused for this long ends. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** A session ends this long after sign-in however busy it is: a working day, then sign in again. */
    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);
    // Writing last_seen_at on every request would turn every read into a write: once a minute is enough.
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    static final int TOKEN_BYTES = 32;

    /** A new session and the token to hand to the browser. */
    public record Opened(Session session, String token) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final SecureRandom random;

    public SessionStore(Jdbc jdbc, Clock clock, SecureRandom random) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.random = random;
    }

    public Opened open(String userId, String remoteAddress) {
        String token = randomToken();
        Instant now = clock.instant();
        Session session = new Session(hash(token), userId, randomToken(), now, now, false);
        jdbc.update("""
                INSERT INTO host_session (token_hash, user_id, csrf_token, remote_address, created_at, last_seen_at)
                VALUES (?, ?, ?, ?, ?, ?)""",
                session.tokenHash(), userId, session.csrfToken(), truncate(remoteAddress), now, now);
        return new Opened(session, token);
    }

    /**
     * A live session with its account and the rights generation, read in one query.
     *
     * @param session the session
     * @param account the signed-in account
     * @param rightsGeneration the rights generation now, to know whether cached rights still hold
     */
    public record Signed(Session session, Account account, long rightsGeneration) {
    }

    /**
     * The live session for a token, with its account; a session idle too long, older than its lifetime, or of
     * a disabled user is ended and not returned.
     */
    public Optional<Signed> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = hash(token);
        Optional<Signed> found = jdbc.one("""
                SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
                       CASE WHEN s.flash_text IS NULL THEN 0 ELSE 1 END AS flash_waiting,
                       u.id, u.login, u.first_name, u.last_name, u.administrator, u.must_change_password, u.disabled, u.email,
                       g.generation
                  FROM host_session s
                  JOIN host_user u ON u.id = s.user_id
                  CROSS JOIN host_rights_generation g
                 WHERE s.token_hash = ? AND g.slot = 1""",
                row -> new Signed(new Session(row.getString("token_hash"), row.getString("user_id"),
                        row.getString("csrf_token"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "last_seen_at"),
                        row.getInt("flash_waiting") == 1),
                        UserStore.account(row), row.getLong("generation")),
                tokenHash);
        if (found.isEmpty()) {
            return found;
        }
        Instant now = clock.instant();
        Session session = found.get().session();
        if (session.lastSeenAt().plus(IDLE_TIMEOUT).isBefore(now) || !now.isBefore(session.createdAt()
                .plus(ABSOLUTE_LIFETIME)) || found.get().account().disabled()) {
            close(tokenHash);
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            jdbc.update("UPDATE host_session SET last_seen_at = ? WHERE token_hash = ?", now, tokenHash);
        }
        return found;
    }

    /** Keeps a message to show on the session's next page (after a redirect), on whichever node serves it. */
    public void flash(String tokenHash, String tone, String text) {
        flash(tokenHash, tone, text, "");
    }

    /**
     * Keeps a message and a refused form (its entered values and field errors, as the web layer writes them) to
     * show on the session's next page.
     */
    public void flash(String tokenHash, String tone, String text, String form) {
        jdbc.update("UPDATE host_session SET flash_tone = ?, flash_text = ?, flash_form = ? WHERE token_hash = ?",
                tone, text.length() > 2000 ? text.substring(0, 2000) : text,
                form == null || form.isEmpty() || form.length() > 8000 ? null : form, tokenHash);
    }

    /** The message kept for this page, removed as it is read. */
    public Optional<Flash> takeFlash(String tokenHash) {
        Optional<Flash> flash = jdbc.one(
                "SELECT flash_tone, flash_text, flash_form FROM host_session WHERE token_hash = ? AND flash_text IS NOT NULL",
                row -> new Flash(row.getString(1), row.getString(2), row.getString(3)), tokenHash);
        if (flash.isPresent()) {
            jdbc.update("UPDATE host_session SET flash_tone = NULL, flash_text = NULL, flash_form = NULL "
                    + "WHERE token_hash = ?", tokenHash);
        }
        return flash;
    }

    /**
     * A message kept for the next page.
     *
     * @param tone its tone
     * @param text the message
     * @param form the refused form it speaks of, or empty
     */
    public record Flash(String tone, String text, String form) {
        public Flash {
            form = form == null ? "" : form;
        }

        public Flash(String tone, String text) {
            this(tone, text, "");
        }
    }

    public void close(String tokenHash) {
        jdbc.update("DELETE FROM host_session WHERE token_hash = ?", tokenHash);
    }

    public void closeAllOf(String userId) {
        jdbc.update("DELETE FROM host_session WHERE user_id = ?", userId);
    }

    /** Ends every session of the user but the one given; answers how many ended. */
    public int closeOthersOf(String userId, String keptTokenHash) {
        return jdbc.update("DELETE FROM host_session WHERE user_id = ? AND token_hash <> ?", userId, keptTokenHash);
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String truncate(String address) {
        return address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
