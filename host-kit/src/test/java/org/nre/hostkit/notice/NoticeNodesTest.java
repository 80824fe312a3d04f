package org.nre.hostkit.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.db.Jdbc;

/**
 * Two console nodes over one database, each with its own pool, board and sender, on H2, MariaDB and PostgreSQL:
 * a notice both raise at the same instant opens once and is mailed once to each addressee.
 */
@ParameterizedClass
@EnumSource(DatabaseProduct.class)
class NoticeNodesTest {

    /** Races per test: one alone may well not overlap; many do. */
    static final int ROUNDS = 20;

    /** Ample time for the other node's raise to reach the insert and wait on the open key. */
    static final Duration LONG_ENOUGH_FOR_THE_OTHER_TO_WAIT = Duration.ofMillis(700);

    static NoticeDatabase database;
    static Jdbc first;
    static Jdbc second;

    @Parameter
    DatabaseProduct product;

    private final Clock clock = Clock.systemUTC();
    private final Directory directory = new Directory()
            .user("jane", "jane@example.org").user("john", null).user("kim", "kim@example.org")
            .grant("jane", "alpha.jobs", Level.WRITE).grant("john", "alpha.jobs", Level.WRITE)
            .grant("kim", "alpha.jobs", Level.READ);

    @BeforeParameterizedClassInvocation
    static void start(DatabaseProduct product) {
        database = NoticeDatabase.fresh(product);
        first = database.node();
        second = database.node();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void empty() {
        first.update("DELETE FROM host_notice_mail");
        first.update("DELETE FROM host_notice_dismissal");
        first.update("DELETE FROM host_notice");
    }

    @Test
    void twoNodesRaisingTheSameKeyAtOnceOpenOneNoticeOweOneMailEachAndOnlyOneSaysItOpened() throws Exception {
        NoticeBoard one = board(first);
        NoticeBoard other = board(second);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Notice notice = Notice.of("race." + round, Audience.holdersOf("alpha.jobs", Level.READ),
                        Severity.WARNING, "Race " + round, "");
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Boolean> fromOne = threads.submit(raising(one, notice, together));
                Future<Boolean> fromOther = threads.submit(raising(other, notice, together));

                List<Boolean> opened = List.of(fromOne.get(30, TimeUnit.SECONDS),
                        fromOther.get(30, TimeUnit.SECONDS));

                assertThat(opened).as("round %d", round).containsExactlyInAnyOrder(true, false);
                assertThat(first.list("SELECT id FROM host_notice WHERE notice_key = ?", row -> row.getLong(1),
                        notice.key())).as("round %d", round).hasSize(1);
                assertThat(first.list("SELECT m.address FROM host_notice_mail m JOIN host_notice n "
                        + "ON n.id = m.notice_id WHERE n.notice_key = ?", row -> row.getString(1), notice.key()))
                        .as("round %d", round).containsExactlyInAnyOrder("jane@example.org", "kim@example.org");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(board(first).open()).hasSize(ROUNDS);
    }

    @Test
    void aRaiseThatMeetsAnotherNodesOpeningNotYetCommittedWaitsForItAndUpdatesIt() throws Exception {
        Notice opening = Notice.of("slow.open", Audience.holdersOf("alpha.jobs", Level.READ), Severity.WARNING,
                "Opening", "");
        Notice update = Notice.of("slow.open", Audience.holdersOf("alpha.jobs", Level.READ), Severity.CRITICAL,
                "Updated", "");
        CountDownLatch insertedNotCommitted = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> fromOne = threads.submit(() -> first.atomically(() -> {
                boolean opened = board(first).forPlugin("alpha").raise(opening);
                insertedNotCommitted.countDown();
                pause(LONG_ENOUGH_FOR_THE_OTHER_TO_WAIT);
                return opened;
            }));
            insertedNotCommitted.await(30, TimeUnit.SECONDS);
            Future<Boolean> fromOther = threads.submit(() -> board(second).forPlugin("alpha").raise(update));

            assertThat(fromOne.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(fromOther.get(30, TimeUnit.SECONDS)).isFalse();
        } finally {
            threads.shutdownNow();
        }
        assertThat(board(first).open()).singleElement().satisfies(notice -> {
            assertThat(notice.title()).isEqualTo("Updated");
            assertThat(notice.severity()).isEqualTo(Severity.CRITICAL);
        });
        assertThat(first.one("SELECT COUNT(*) FROM host_notice_mail", row -> row.getInt(1))).contains(2);
    }

    @Test
    void twoSendersOverOneDatabaseMailEachAddresseeOnce() throws Exception {
        int port = MailSenderTest.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig());
        smtp.start();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            MailSettings settings = new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, null, null,
                    "console@district.example", MailSenderTest.CONSOLE);
            NoticeBoard board = new NoticeBoard(first, clock, directory, () -> NoticeDatabase.PLUGINS, settings);
            for (int n = 0; n < ROUNDS; n++) {
                board.forPlugin("alpha").raise(Notice.of("mail." + n, Audience.holdersOf("alpha.jobs", Level.READ),
                        Severity.INFO, "Mail " + n, ""));
            }
            MailSender one = new MailSender(first, clock, settings, "node-1");
            MailSender other = new MailSender(second, clock, settings, "node-2");
            CyclicBarrier together = new CyclicBarrier(2);

            Future<Integer> byOne = threads.submit(sending(one, together));
            Future<Integer> byOther = threads.submit(sending(other, together));
            int sent = byOne.get(60, TimeUnit.SECONDS) + byOther.get(60, TimeUnit.SECONDS);

            List<String> received = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                for (Address to : message.getAllRecipients()) {
                    received.add(message.getSubject() + " to " + to);
                }
            }
            assertThat(sent).isEqualTo(2 * ROUNDS);
            assertThat(received).hasSize(2 * ROUNDS).doesNotHaveDuplicates();
            assertThat(first.one("SELECT COUNT(*) FROM host_notice_mail WHERE state <> 'SENT'",
                    row -> row.getInt(1))).contains(0);
        } finally {
            threads.shutdownNow();
            smtp.stop();
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private NoticeBoard board(Jdbc node) {
        return new NoticeBoard(node, clock, directory, () -> NoticeDatabase.PLUGINS, NoticeBoardTest.MAIL);
    }

    private static Callable<Boolean> raising(NoticeBoard board, Notice notice, CyclicBarrier together) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            return board.forPlugin("alpha").raise(notice);
        };
    }

    /** Sends until nothing is due, as a sender's rounds would. */
    private static Callable<Integer> sending(MailSender sender, CyclicBarrier together) {
        return () -> {
            together.await(30, TimeUnit.SECONDS);
            int total = 0;
            for (int sent = sender.sendDue(); sent > 0; sent = sender.sendDue()) {
                total += sent;
            }
            return total;
        };
    }
}
