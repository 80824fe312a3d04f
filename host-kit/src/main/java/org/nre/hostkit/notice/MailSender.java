package org.nre.hostkit.notice;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nre.hostkit.db.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the e-mails notices owe, on a thread of its own so that no request waits for a mail server. Every node
 * runs one: each row is claimed first (an update that only one node's can win), so a mail goes out once. A failed
 * send is tried again after a growing pause, {@link #MAX_ATTEMPTS} times in all, and its error kept for
 * administrators.
 */
public final class MailSender implements AutoCloseable {

    /** How often the sender looks for mail to send. */
    public static final Duration POLL = Duration.ofSeconds(5);

    /** How long a claim holds a row: longer than the slowest send the timeouts allow. */
    static final Duration CLAIM = Duration.ofMinutes(3);

    /** The pause after each failed attempt, the last repeated. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(12));

    /** Attempts of one mail before it is given up. */
    public static final int MAX_ATTEMPTS = 8;

    /** The mails one round claims at most. */
    static final int BATCH = 50;

    static final Duration SMTP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A mail claimed for sending, with what its notice says. */
    private record Due(long noticeId, String userId, String address, int attempts, String title, String text,
                       Instant deadline, boolean open) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final String nodeId;
    private final Duration poll;
    private final Session session;
    private ScheduledExecutorService executor;

    public MailSender(Jdbc jdbc, Clock clock, MailSettings settings, String nodeId) {
        this(jdbc, clock, settings, nodeId, POLL);
    }

    MailSender(Jdbc jdbc, Clock clock, MailSettings settings, String nodeId, Duration poll) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
        this.poll = poll;
        this.session = Session.getInstance(properties(settings));
    }

    /** Starts sending on the sender's own daemon thread. */
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "console-notice-mail");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::round, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Notices are e-mailed through {}", settings.describe());
    }

    /**
     * Sends the mails that are due now and that no other node holds.
     *
     * @return how many were sent
     */
    int sendDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.list("""
                SELECT m.notice_id, m.user_id, m.address, m.attempts, n.title, n.body, n.deadline, n.open_key
                  FROM host_notice_mail m JOIN host_notice n ON n.id = m.notice_id
                 WHERE m.state = 'PENDING' AND m.next_attempt_at <= ?
                   AND (m.claimed_until IS NULL OR m.claimed_until < ?)
                 ORDER BY m.next_attempt_at LIMIT ?""", MailSender::due, now, now, BATCH);
        int sent = 0;
        for (Due mail : due) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (claim(mail, now) && send(mail)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean claim(Due mail, Instant now) {
        return jdbc.update("UPDATE host_notice_mail SET claimed_by = ?, claimed_until = ? WHERE notice_id = ? "
                + "AND user_id = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)",
                nodeId, now.plus(CLAIM), mail.noticeId(), mail.userId(), now) == 1;
    }

    private boolean send(Due mail) {
        if (!mail.open()) {
            finish(mail, "CANCELLED", null, null);
            return false;
        }
        try {
            MimeMessage message = message(mail);
            try (Transport transport = session.getTransport(protocol(settings))) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
            finish(mail, "SENT", null, null);
            return true;
        } catch (MessagingException | RuntimeException e) {
            int attempts = mail.attempts() + 1;
            String error = describe(e);
            boolean givenUp = attempts >= MAX_ATTEMPTS;
            Instant next = givenUp ? null : clock.instant().plus(BACKOFF.get(Math.min(attempts, BACKOFF.size()) - 1));
            LOG.warn("A notice's e-mail to {} could not be sent (attempt {} of {}){}: {}", mail.address(), attempts,
                    MAX_ATTEMPTS, givenUp ? ", given up" : ", tried again at " + next, error);
            finish(mail, givenUp ? "FAILED" : "PENDING", error, next);
            return false;
        }
    }

    /** Records the attempt and gives the claim up. */
    private void finish(Due mail, String state, String error, Instant next) {
        Instant now = clock.instant();
        boolean sent = "SENT".equals(state);
        boolean cancelled = "CANCELLED".equals(state);
        jdbc.update("UPDATE host_notice_mail SET state = ?, attempts = ?, last_attempt_at = ?, last_error = ?, "
                + "next_attempt_at = ?, sent_at = ?, claimed_by = NULL, claimed_until = NULL "
                + "WHERE notice_id = ? AND user_id = ? AND claimed_by = ?",
                state, cancelled ? mail.attempts() : mail.attempts() + 1, cancelled ? null : now,
                sent || cancelled ? null : error, next == null ? now : next, sent ? now : null, mail.noticeId(),
                mail.userId(), nodeId);
    }

    private MimeMessage message(Due mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address(), true));
        message.setSubject(oneLine(mail.title()), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        StringBuilder body = new StringBuilder(mail.title()).append("\n\n");
        if (!mail.text().isBlank()) {
            body.append(mail.text()).append("\n\n");
        }
        if (mail.deadline() != null) {
            body.append("Deadline: ").append(DEADLINE.format(mail.deadline())).append("\n\n");
        }
        body.append("See your notices in the console: ").append(settings.noticesPage()).append('\n');
        message.setText(body.toString(), "UTF-8");
        return message;
    }

    /** What went wrong, for the log and administrators: the causes' messages, never the password. */
    private String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < 900; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
        }
        String said = oneLine(text.toString());
        if (settings.password() != null) {
            said = said.replace(settings.password(), "********");
        }
        return said.length() <= 1000 ? said : said.substring(0, 999) + "…";
    }

    private void round() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            LOG.warn("Notices' e-mails could not be read or recorded: {}", e.getMessage());
        }
    }

    /** Stops sending; a mail being sent ends first, for up to the SMTP timeout. */
    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(SMTP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    private static Properties properties(MailSettings settings) {
        Properties properties = new Properties();
        String protocol = protocol(settings);
        String prefix = "mail." + protocol + ".";
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", String.valueOf(settings.port()));
        properties.put(prefix + "auth", String.valueOf(settings.username() != null));
        properties.put(prefix + "connectiontimeout", String.valueOf(SMTP_TIMEOUT.toMillis()));
        properties.put(prefix + "timeout", String.valueOf(SMTP_TIMEOUT.toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(SMTP_TIMEOUT.toMillis()));
        if (settings.security() == MailSettings.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private static String protocol(MailSettings settings) {
        return settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}]+", " ").strip();
    }

    private static Due due(ResultSet row) throws SQLException {
        return new Due(row.getLong("notice_id"), row.getString("user_id"), row.getString("address"),
                row.getInt("attempts"), row.getString("title"), row.getString("body"), Jdbc.instant(row, "deadline"),
                row.getString("open_key") != null);
    }
}
