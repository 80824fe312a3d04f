package org.nre.hostkit.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.db.Jdbc;

/** The notices' e-mails sent to a real SMTP server (GreenMail) on a free port, from notices kept on H2. */
class MailSenderTest {

    static final URI CONSOLE = URI.create("https://console.district.example");
    static final Notice TERMS = new Notice("terms.2027-01", Audience.holdersOf("alpha.jobs", Level.READ),
            Severity.WARNING, "New terms to accept", "The vendor published new terms.",
            Instant.parse("2027-01-15T12:00:00Z"), "alpha-jobs");

    private final SteppingClock clock = new SteppingClock(NoticeBoardTest.START);
    private final Directory directory = new Directory()
            .user("jane", "jane@example.org").user("john", null).user("kim", "kim@example.org")
            .grant("jane", "alpha.jobs", Level.WRITE).grant("john", "alpha.jobs", Level.WRITE)
            .grant("kim", "alpha.jobs", Level.READ);
    private NoticeDatabase database;
    private Jdbc jdbc;
    private int port;
    private GreenMail smtp;

    @BeforeEach
    void start() throws IOException {
        database = NoticeDatabase.fresh(DatabaseProduct.H2);
        jdbc = database.node();
        port = freePort();
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        database.close();
    }

    @Test
    void aNoticeThatOpensIsMailedOnceToEachAddresseeWithAnAddress() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig());
        MailSettings settings = settings(null, null);
        Notices alpha = board(settings).forPlugin("alpha");
        MailSender sender = new MailSender(jdbc, clock, settings, "node-1");

        alpha.raise(TERMS);

        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(sender.sendDue()).isZero();
        assertThat(recipients()).containsExactlyInAnyOrder("jane@example.org", "kim@example.org");
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("New terms to accept");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Console <console@district.example>");
        assertThat(GreenMailUtil.getBody(mail)).contains("The vendor published new terms.")
                .contains("Deadline: 2027-01-15 12:00 UTC")
                .contains("https://console.district.example/notices");
        assertThat(board(settings).mailStatus()).isEqualTo(new MailStatus(true, settings.describe(),
                NoticeBoardTest.START, 0, 0));
    }

    @Test
    void anUpdateIsNotMailedAndANoticeRaisedAgainAfterItClearedIs() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig());
        MailSettings settings = settings(null, null);
        Notices alpha = board(settings).forPlugin("alpha");
        MailSender sender = new MailSender(jdbc, clock, settings, "node-1");
        alpha.raise(TERMS);
        sender.sendDue();

        alpha.raise(new Notice(TERMS.key(), TERMS.audience(), Severity.CRITICAL, "Three days left", "", null, null));
        assertThat(sender.sendDue()).isZero();
        assertThat(recipients()).hasSize(2);

        alpha.clear(TERMS.key());
        alpha.raise(TERMS);
        assertThat(sender.sendDue()).isEqualTo(2);
        assertThat(recipients()).hasSize(4);
    }

    @Test
    void aNoticeClearedBeforeItsMailWentOutIsNotMailed() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig());
        MailSettings settings = settings(null, null);
        Notices alpha = board(settings).forPlugin("alpha");
        alpha.raise(TERMS);
        alpha.clear(TERMS.key());

        assertThat(new MailSender(jdbc, clock, settings, "node-1").sendDue()).isZero();
        assertThat(recipients()).isEmpty();
    }

    @Test
    void whileTheServerIsDownTheMailIsRetriedLaterAndShownThenDeliveredOnce() throws Exception {
        MailSettings settings = settings(null, null);
        NoticeBoard board = board(settings);
        MailSender sender = new MailSender(jdbc, clock, settings, "node-1");
        board.forPlugin("alpha").raise(Notice.of("done", Audience.user("kim"), Severity.INFO, "Done", ""));

        assertThat(sender.sendDue()).isZero();
        assertThat(board.deliveryProblems()).singleElement().satisfies(problem -> {
            assertThat(problem.noticeTitle()).isEqualTo("Done");
            assertThat(problem.address()).isEqualTo("kim@example.org");
            assertThat(problem.attempts()).isEqualTo(1);
            assertThat(problem.lastError()).containsIgnoringCase("connect");
            assertThat(problem.nextAttemptAt()).isEqualTo(NoticeBoardTest.START.plus(Duration.ofMinutes(1)));
            assertThat(problem.givenUp()).isFalse();
        });
        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.sendDue()).as("not due again yet").isZero();
        assertThat(board.deliveryProblems().get(0).attempts()).isEqualTo(1);

        startSmtp(GreenMailConfiguration.aConfig());
        clock.advance(Duration.ofSeconds(30));

        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(recipients()).containsExactly("kim@example.org");
        assertThat(board.deliveryProblems()).isEmpty();
        assertThat(board.mailStatus().lastSentAt()).isEqualTo(NoticeBoardTest.START.plus(Duration.ofMinutes(1)));
    }

    @Test
    void aMailThatFailsEveryAttemptIsGivenUpAndShownSo() {
        MailSettings settings = settings(null, null);
        NoticeBoard board = board(settings);
        MailSender sender = new MailSender(jdbc, clock, settings, "node-1");
        board.forPlugin("alpha").raise(Notice.of("done", Audience.user("kim"), Severity.INFO, "Done", ""));

        for (int attempt = 1; attempt <= MailSender.MAX_ATTEMPTS + 2; attempt++) {
            sender.sendDue();
            clock.advance(Duration.ofHours(13));
        }

        assertThat(board.deliveryProblems()).singleElement().satisfies(problem -> {
            assertThat(problem.attempts()).isEqualTo(MailSender.MAX_ATTEMPTS);
            assertThat(problem.givenUp()).isTrue();
        });
        assertThat(board.mailStatus()).extracting(MailStatus::waiting, MailStatus::givenUp).containsExactly(0L, 1L);
    }

    @Test
    void theSenderSignsInAndAWrongPasswordIsShownWithoutThePassword() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig().withUser("console@district.example", "notices", "right-horse"));
        NoticeBoard board = board(settings("notices", "wrong-battery"));
        board.forPlugin("alpha").raise(Notice.of("done", Audience.user("kim"), Severity.INFO, "Done", ""));

        new MailSender(jdbc, clock, settings("notices", "wrong-battery"), "node-1").sendDue();
        assertThat(board.deliveryProblems()).singleElement().satisfies(problem ->
                assertThat(problem.lastError()).isNotBlank().doesNotContain("wrong-battery"));
        assertThat(settings("notices", "wrong-battery").toString()).doesNotContain("wrong-battery");

        clock.advance(Duration.ofMinutes(1));
        assertThat(new MailSender(jdbc, clock, settings("notices", "right-horse"), "node-1").sendDue()).isEqualTo(1);
        assertThat(recipients()).containsExactly("kim@example.org");
    }

    @Test
    void startedTheSenderMailsOnItsOwnThreadWithoutBeingAsked() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig());
        MailSettings settings = settings(null, null);
        NoticeBoard board = board(settings);

        try (MailSender sender = new MailSender(jdbc, clock, settings, "node-1", Duration.ofMillis(100))) {
            sender.start();
            board.forPlugin("alpha").raise(TERMS);

            assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        }
        assertThat(recipients()).hasSize(2);
    }

    @Test
    void aConsoleWithoutMailOwesNoMail() {
        NoticeBoard board = new NoticeBoard(jdbc, clock, directory, () -> NoticeDatabase.PLUGINS);

        board.forPlugin("alpha").raise(TERMS);

        assertThat(jdbc.one("SELECT COUNT(*) FROM host_notice_mail", row -> row.getInt(1))).contains(0);
        assertThat(board.mailStatus()).isEqualTo(new MailStatus(false, "", null, 0, 0));
    }

    private NoticeBoard board(MailSettings settings) {
        return new NoticeBoard(jdbc, clock, directory, () -> NoticeDatabase.PLUGINS, settings);
    }

    private MailSettings settings(String username, String password) {
        return new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, username, password,
                "Console <console@district.example>", CONSOLE);
    }

    private void startSmtp(GreenMailConfiguration configuration) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withConfiguration(
                configuration);
        smtp.start();
    }

    private List<String> recipients() throws MessagingException {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            Arrays.stream(message.getAllRecipients()).map(Object::toString).forEach(to::add);
        }
        return to;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
