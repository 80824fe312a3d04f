package org.nre.hostkit.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.HostKitException;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.StorageException;
import org.nre.hostkit.plugins.Contributions;

/**
 * The console's notices, kept in the database that every node shares. A plugin's key is open at most once: the
 * unique {@code open_key} decides which node's raise opens it, and only that one writes the e-mails its audience is
 * owed (in the same transaction), so a notice is told once whichever nodes raise it.
 */
public final class NoticeBoard {

    /** The longest user id a notice can name. */
    static final int MAX_USER_ID_LENGTH = 200;

    private static final String COLUMNS = "id, plugin_id, notice_key, audience_kind, right_id, right_level, user_id, "
            + "severity, title, body, deadline, panel_id, opened_at, updated_at";
    private static final String INSERT = "INSERT INTO host_notice (plugin_id, notice_key, open_key, audience_kind, "
            + "right_id, right_level, user_id, severity, title, body, deadline, panel_id, opened_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Comparator<ShownNotice> MOST_SEVERE_NEWEST = Comparator
            .comparing(ShownNotice::severity, Comparator.reverseOrder())
            .thenComparing(ShownNotice::openedAt, Comparator.reverseOrder())
            .thenComparing(ShownNotice::id, Comparator.reverseOrder());

    /** A notice as stored, with what the board needs beside what plugins and consoles see. */
    private record Row(ShownNotice shown, Audience audience) {

        Notice notice() {
            return new Notice(shown.key(), audience, shown.severity(), shown.title(), shown.text(), shown.deadline(),
                    shown.panelId());
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final Addressees addressees;
    private final Supplier<Contributions> contributions;
    private final MailSettings mail;
    // PostgreSQL aborts a transaction at a failed statement, so a notice another node opened first is passed over
    // there instead of refused; elsewhere the duplicate key is caught and the transaction goes on.
    private final String insert;

    /**
     * A board over the kit's tables, for a console that sends no mail: notices are shown, and owe no e-mail.
     *
     * @param contributions what the started plugins contribute, to check that a notice names the plugin's own right
     *     and panel; a supplier that gives null leaves them unchecked (a plugin's test without its contributions)
     */
    public NoticeBoard(Jdbc jdbc, Clock clock, Addressees addressees, Supplier<Contributions> contributions) {
        this(jdbc, clock, addressees, contributions, null);
    }

    /**
     * A board over the kit's tables.
     *
     * @param contributions what the started plugins contribute, to check that a notice names the plugin's own right
     *     and panel; a supplier that gives null leaves them unchecked (a plugin's test without its contributions)
     * @param mail how the console sends mail, or null when it sends none: each notice that opens then owes an
     *     e-mail to each of its addressees with an address, which a {@link MailSender} sends
     */
    public NoticeBoard(Jdbc jdbc, Clock clock, Addressees addressees, Supplier<Contributions> contributions,
                       MailSettings mail) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.addressees = Objects.requireNonNull(addressees, "addressees");
        this.contributions = Objects.requireNonNull(contributions, "contributions");
        this.mail = mail;
        this.insert = jdbc.product() == DatabaseProduct.POSTGRESQL ? INSERT + " ON CONFLICT (open_key) DO NOTHING"
                : INSERT;
    }

    /** The notices of one plugin, as its context gives them. */
    public Notices forPlugin(String pluginId) {
        Objects.requireNonNull(pluginId, "pluginId");
        return new Notices() {
            @Override
            public boolean raise(Notice notice) {
                return NoticeBoard.this.raise(pluginId, notice);
            }

            @Override
            public boolean clear(String key) {
                return NoticeBoard.this.clear(pluginId, key);
            }

            @Override
            public List<Notice> open() {
                return jdbc.list("SELECT " + COLUMNS + " FROM host_notice WHERE plugin_id = ? AND open_key IS NOT NULL "
                        + "ORDER BY opened_at, id", NoticeBoard::row, pluginId).stream().map(Row::notice).toList();
            }
        };
    }

    /**
     * The open notices addressed to a user, which they have not dismissed, most severe first, then newest. A
     * critical notice is shown even if the user dismissed it while it was less severe. A notice for the holders of
     * a right no started plugin defines (its plugin was disabled) is not shown: nothing could clear it.
     *
     * @param userId the user
     * @param rights the user's rights now
     */
    public List<ShownNotice> openFor(String userId, RightSet rights) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(rights, "rights");
        Contributions known = contributions.get();
        return jdbc.list("SELECT n.* FROM host_notice n "
                        + "LEFT JOIN host_notice_dismissal d ON d.notice_id = n.id AND d.user_id = ? "
                        + "WHERE n.open_key IS NOT NULL AND (d.notice_id IS NULL OR n.severity = 'CRITICAL')",
                NoticeBoard::row, userId).stream()
                .filter(row -> addressed(row.audience(), userId, rights) && defined(row.audience(), known))
                .map(Row::shown).sorted(MOST_SEVERE_NEWEST).toList();
    }

    /** Every open notice, whoever it is for (an administrator's view), most severe first, then newest. */
    public List<ShownNotice> open() {
        return jdbc.list("SELECT " + COLUMNS + " FROM host_notice WHERE open_key IS NOT NULL", NoticeBoard::row)
                .stream().map(Row::shown).sorted(MOST_SEVERE_NEWEST).toList();
    }

    /**
     * Hides an open notice from one user; everyone else still sees it.
     *
     * @return true when it is hidden now, false when it is not open or the user had dismissed it already
     * @throws HostKitException when the notice is critical: it stays until its plugin clears it
     */
    public boolean dismiss(String userId, long noticeId) {
        Objects.requireNonNull(userId, "userId");
        Optional<Severity> severity = jdbc.one("SELECT severity FROM host_notice WHERE id = ? AND open_key IS NOT NULL",
                row -> Severity.valueOf(row.getString(1)), noticeId);
        if (severity.isEmpty()) {
            return false;
        }
        if (severity.get() == Severity.CRITICAL) {
            throw new HostKitException("A critical notice cannot be dismissed: it stays until the plugin that raised "
                    + "it clears it.");
        }
        if (jdbc.one("SELECT 1 FROM host_notice_dismissal WHERE user_id = ? AND notice_id = ?", row -> 1, userId,
                noticeId).isPresent()) {
            return false;
        }
        try {
            return jdbc.update("INSERT INTO host_notice_dismissal (user_id, notice_id, dismissed_at) VALUES (?, ?, ?)",
                    userId, noticeId, clock.instant()) == 1;
        } catch (StorageException e) {
            if (duplicate(e)) {
                return false; // the same user, dismissing on another node at the same moment
            }
            throw e;
        }
    }

    /**
     * The notices' e-mails that failed most recently and are still being retried or were given up, newest first.
     *
     * @param limit how many at most
     */
    public List<DeliveryProblem> deliveryProblems(int limit) {
        return jdbc.list("""
                SELECT n.title, m.address, m.attempts, m.last_error, m.state, m.next_attempt_at, m.last_attempt_at
                  FROM host_notice_mail m JOIN host_notice n ON n.id = m.notice_id
                 WHERE m.state IN ('PENDING', 'FAILED') AND m.last_error IS NOT NULL
                 ORDER BY m.last_attempt_at DESC, m.notice_id DESC LIMIT ?""",
                row -> new DeliveryProblem(row.getString("title"), row.getString("address"), row.getInt("attempts"),
                        row.getString("last_error"), "FAILED".equals(row.getString("state")) ? null
                                : Jdbc.instant(row, "next_attempt_at"), Jdbc.instant(row, "last_attempt_at")),
                limit);
    }

    /** The twenty most recent delivery problems. */
    public List<DeliveryProblem> deliveryProblems() {
        return deliveryProblems(20);
    }

    /** Whether mail is configured, when any node last sent one, and how many wait or were given up. */
    public MailStatus mailStatus() {
        Instant lastSent = jdbc.one("SELECT MAX(sent_at) AS sent_at FROM host_notice_mail WHERE state = 'SENT'",
                row -> Jdbc.instant(row, "sent_at")).orElse(null);
        long waiting = count("PENDING");
        long givenUp = count("FAILED");
        return new MailStatus(mail != null, mail == null ? "" : mail.describe(), lastSent, waiting, givenUp);
    }

    private long count(String state) {
        return jdbc.one("SELECT COUNT(*) FROM host_notice_mail WHERE state = ?", row -> row.getLong(1), state)
                .orElse(0L);
    }

    private boolean raise(String pluginId, Notice raised) {
        Objects.requireNonNull(raised, "notice");
        check(pluginId, raised);
        // As the database keeps it, so that raising the same notice again is seen to change nothing.
        Notice notice = raised.deadline() == null ? raised
                : raised.withDeadline(raised.deadline().truncatedTo(ChronoUnit.MICROS));
        String openKey = openKey(pluginId, notice.key());
        return jdbc.atomically(() -> {
            // A plain read first: it takes no lock, so two nodes raising a key not open yet meet only at the insert.
            Optional<Row> current = jdbc.one("SELECT " + COLUMNS + " FROM host_notice WHERE open_key = ?",
                    NoticeBoard::row, openKey);
            if (current.isPresent()) {
                if (!current.get().notice().equals(notice)) {
                    update(openKey, notice);
                }
                return false;
            }
            if (!insert(pluginId, openKey, notice)) {
                // Another node opened it meanwhile: this raise brings it up to date.
                update(openKey, notice);
                return false;
            }
            long id = jdbc.one("SELECT id FROM host_notice WHERE open_key = ?", row -> row.getLong(1), openKey)
                    .orElseThrow(() -> new HostKitException("The notice '" + notice.key() + "' of plugin '" + pluginId
                            + "' was not found right after it was stored"));
            owe(id, notice.audience());
            return true;
        });
    }

    private boolean clear(String pluginId, String key) {
        Objects.requireNonNull(key, "key");
        String openKey = openKey(pluginId, key);
        return jdbc.atomically(() -> {
            Optional<Long> id = jdbc.one("SELECT id FROM host_notice WHERE open_key = ?", row -> row.getLong(1),
                    openKey);
            if (id.isEmpty() || jdbc.update("UPDATE host_notice SET open_key = NULL, cleared_at = ? WHERE id = ? "
                    + "AND open_key = ?", clock.instant(), id.get(), openKey) != 1) {
                return false;
            }
            // Mail not sent yet would tell of something that no longer applies.
            jdbc.update("UPDATE host_notice_mail SET state = 'CANCELLED' WHERE notice_id = ? AND state = 'PENDING'",
                    id.get());
            return true;
        });
    }

    /** Refuses a notice that names a right or a panel that is not the plugin's own. */
    private void check(String pluginId, Notice notice) {
        if (notice.audience() instanceof Audience.OneUser one && one.userId().length() > MAX_USER_ID_LENGTH) {
            throw new HostApiException("Notice '" + notice.key() + "': the user id must be at most "
                    + MAX_USER_ID_LENGTH + " characters");
        }
        Contributions known = contributions.get();
        if (known == null) {
            return;
        }
        if (notice.audience() instanceof Audience.RightHolders holders && !known.right(holders.rightId())
                .map(right -> right.pluginId().equals(pluginId)).orElse(false)) {
            throw new HostApiException("Notice '" + notice.key() + "' is for the holders of right '"
                    + holders.rightId() + "', which plugin '" + pluginId + "' does not define: a notice can only "
                    + "address the holders of the plugin's own rights (raise notices from tasks and actions, once "
                    + "the plugin has started)");
        }
        if (notice.panelId() != null && !known.panel(notice.panelId()).map(panel -> panel.pluginId().equals(pluginId))
                .orElse(false)) {
            throw new HostApiException("Notice '" + notice.key() + "' links to panel '" + notice.panelId()
                    + "', which plugin '" + pluginId + "' does not contribute: a notice can only link to the "
                    + "plugin's own panels");
        }
    }

    /** Opens the notice; false when another node's raise opened it first. */
    private boolean insert(String pluginId, String openKey, Notice notice) {
        Instant now = clock.instant();
        Object[] audience = audienceColumns(notice.audience());
        try {
            return jdbc.update(insert, pluginId, notice.key(), openKey, audience[0], audience[1], audience[2],
                    audience[3], notice.severity().name(), notice.title(), notice.text(), notice.deadline(),
                    notice.panelId(), now, now) == 1;
        } catch (StorageException e) {
            if (duplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    private void update(String openKey, Notice notice) {
        Object[] audience = audienceColumns(notice.audience());
        jdbc.update("UPDATE host_notice SET audience_kind = ?, right_id = ?, right_level = ?, user_id = ?, "
                + "severity = ?, title = ?, body = ?, deadline = ?, panel_id = ?, updated_at = ? WHERE open_key = ?",
                audience[0], audience[1], audience[2], audience[3], notice.severity().name(), notice.title(),
                notice.text(), notice.deadline(), notice.panelId(), clock.instant(), openKey);
    }

    /** Writes the e-mail each addressee with an address is owed, once however they are reached. */
    private void owe(long noticeId, Audience audience) {
        if (mail == null) {
            return;
        }
        List<Addressee> people = audience instanceof Audience.RightHolders holders
                ? addressees.holdersOf(holders.rightId(), holders.level())
                : addressees.user(((Audience.OneUser) audience).userId()).stream().toList();
        Map<String, Addressee> reachable = new LinkedHashMap<>();
        for (Addressee person : people) {
            if (person.reachable()) {
                reachable.putIfAbsent(person.userId(), person);
            }
        }
        Instant now = clock.instant();
        for (Addressee person : reachable.values()) {
            jdbc.update("INSERT INTO host_notice_mail (notice_id, user_id, address, state, attempts, next_attempt_at) "
                    + "VALUES (?, ?, ?, 'PENDING', 0, ?)", noticeId, person.userId(), person.email(), now);
        }
    }

    private static boolean addressed(Audience audience, String userId, RightSet rights) {
        return audience instanceof Audience.RightHolders holders
                ? rights.allows(holders.rightId(), holders.level())
                : ((Audience.OneUser) audience).userId().equals(userId);
    }

    private static boolean defined(Audience audience, Contributions known) {
        return known == null || !(audience instanceof Audience.RightHolders holders)
                || known.right(holders.rightId()).isPresent();
    }

    private static Object[] audienceColumns(Audience audience) {
        if (audience instanceof Audience.RightHolders holders) {
            return new Object[] {"RIGHT", holders.rightId(), String.valueOf(holders.level().letter()), null};
        }
        return new Object[] {"USER", null, null, ((Audience.OneUser) audience).userId()};
    }

    /** Ids hold no space, so a plugin's id and a key joined by one name one notice only. */
    private static String openKey(String pluginId, String key) {
        return pluginId + " " + key;
    }

    static boolean duplicate(StorageException e) {
        return e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("23");
    }

    private static Row row(ResultSet row) throws SQLException {
        Audience audience = "RIGHT".equals(row.getString("audience_kind"))
                ? new Audience.RightHolders(row.getString("right_id"), Level.ofLetter(row.getString("right_level")
                        .charAt(0)))
                : new Audience.OneUser(row.getString("user_id"));
        ShownNotice shown = new ShownNotice(row.getLong("id"), row.getString("plugin_id"), row.getString("notice_key"),
                Severity.valueOf(row.getString("severity")), row.getString("title"), row.getString("body"),
                Jdbc.instant(row, "deadline"), row.getString("panel_id"), Jdbc.instant(row, "opened_at"),
                Jdbc.instant(row, "updated_at"));
        return new Row(shown, audience);
    }
}
