package org.nre.sample.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Version;

/** Console users in the database. */
public final class UserStore {

    static final String COLUMNS = "id, login, first_name, last_name, administrator, must_change_password, disabled, email";

    /** An account and its password hash, for checking a sign-in. */
    public record Credentials(Account account, String passwordHash) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public UserStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Account> byId(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM host_user WHERE id = ?", UserStore::account, id);
    }

    public Optional<Account> byLogin(String login) {
        return jdbc.one("SELECT " + COLUMNS + " FROM host_user WHERE login = ?", UserStore::account, login);
    }

    public Optional<Credentials> credentials(String login) {
        return jdbc.one("SELECT " + COLUMNS + ", password_hash FROM host_user WHERE login = ?",
                row -> new Credentials(account(row), row.getString("password_hash")), login);
    }

    public List<Account> all() {
        return jdbc.list("SELECT " + COLUMNS + " FROM host_user ORDER BY last_name, first_name, login",
                UserStore::account);
    }

    public long count() {
        return jdbc.one("SELECT COUNT(*) FROM host_user", row -> row.getLong(1)).orElse(0L);
    }

    public void create(Account account, String passwordHash) {
        jdbc.update("INSERT INTO host_user (" + COLUMNS + ", password_hash, created_at, search_text) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(), account.login(), account.firstName(), account.lastName(), account.administrator(),
                account.mustChangePassword(), account.disabled(), account.email(), passwordHash, clock.instant(), searchText(account));
    }

    public void update(Account account, Version version) {
        jdbc.update("UPDATE host_user SET first_name = ?, last_name = ?, administrator = ?, disabled = ?, email = ?, "
                        + "version = ?, changed_by = ?, changed_at = ?, change_summary = ?, search_text = ? WHERE id = ?",
                account.firstName(), account.lastName(), account.administrator(), account.disabled(), account.email(),
                version.number(), version.changedBy(), version.changedAt(), version.summary(), searchText(account),
                account.id());
    }

    /** The version of a user's account, or empty when there is no such user. */
    public Optional<Version> version(String id) {
        return jdbc.one("SELECT version, changed_by, changed_at, change_summary FROM host_user WHERE id = ?",
                Version::of, id);
    }

    /** The version of every user's account, by user id. */
    public Map<String, Long> versions() {
        Map<String, Long> versions = new HashMap<>();
        jdbc.list("SELECT id, version FROM host_user", row -> versions.put(row.getString(1), row.getLong(2)));
        return versions;
    }

    public void setPassword(String userId, String passwordHash, boolean mustChange) {
        jdbc.update("UPDATE host_user SET password_hash = ?, must_change_password = ? WHERE id = ?",
                passwordHash, mustChange, userId);
    }

    /** How many enabled administrators there are, so that the last one cannot be removed. */
    public long enabledAdministrators() {
        return jdbc.one("SELECT COUNT(*) FROM host_user WHERE administrator = TRUE AND disabled = FALSE",
                row -> row.getLong(1)).orElse(0L);
    }

    /**
     * What a search for staff reads: the names and login in lower case, first name first, as the console's
     * migration V4 wrote it for the users before it.
     */
    public static String searchText(Account account) {
        return (account.firstName() + " " + account.lastName() + " " + account.login()).toLowerCase(Locale.ROOT);
    }

    /** The first enabled users, by name, who have still to choose their own password. */
    public List<Account> awaitingPassword(int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM host_user WHERE must_change_password = TRUE AND disabled = FALSE "
                + "ORDER BY last_name, first_name, login LIMIT ?", UserStore::account, limit);
    }

    /** The enabled administrators, by name: whom a user who needs more than they hold is told to ask. */
    public List<Account> enabledAdministratorAccounts() {
        return jdbc.list("SELECT " + COLUMNS + " FROM host_user WHERE administrator = TRUE AND disabled = FALSE "
                + "ORDER BY last_name, first_name, login", UserStore::account);
    }

    public static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString("id"), row.getString("login"), row.getString("first_name"),
                row.getString("last_name"), row.getBoolean("administrator"), row.getBoolean("must_change_password"),
                row.getBoolean("disabled"), row.getString("email"));
    }
}
