package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;

/**
 * Two console processes on one MariaDB database, both sending mail to a real SMTP server: the vendor's decisions
 * seen by both nodes at the same instant open one notice each, e-mailed once to each person it addresses, whichever
 * node saw the change first.
 */
class NoticesOnSeveralNodesIT {

    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    static final String SYSADMIN = "alex.morgan@district.example";
    static final String BACKUP = "sam.rivera@district.example";

    @TempDir
    Path dir;
    ServerDatabase database;
    GreenMail smtp;
    ConsoleProcess nodeA;
    ConsoleProcess nodeB;

    @BeforeEach
    void start() throws Exception {
        database = ServerDatabase.fresh(DatabaseProduct.MARIADB);
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path plugins = TestConsole.dropFolderWithSimulator(dir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD,
                "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD,
                "NRE_SECRETS_KEY", Base64.getEncoder().encodeToString(key), "NRE_DB_PASSWORD", database.password());
        List<String> common = List.of("--plugins", plugins.toString(), "--db-url", database.url(), "--db-user",
                database.user(), "--demo-data", "true", "--smtp-host", "127.0.0.1", "--smtp-port",
                String.valueOf(smtpPort), "--smtp-security", "none", "--mail-from", "console@district.example");
        nodeA = ConsoleProcess.start(dir, with(common, "--data", dir.resolve("a").toString()), env).awaitStarted();
        nodeB = ConsoleProcess.start(dir, with(common, "--data", dir.resolve("b").toString()), env).awaitStarted();
    }

    @AfterEach
    void stop() {
        for (AutoCloseable part : new AutoCloseable[] {nodeA, nodeB, database}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // the next part still closes
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aSuspensionBothNodesSeeAtOnceOpensOneNoticeMailedOnceToEachHolder() throws Exception {
        WebClient admin = nodeA.client();
        admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
        TestConsole.grant(admin, "nre.registration", "group:g-sysadmins", "RW");
        TestConsole.grant(admin, "simulated-router.vendor", "user:admin", "RW");
        setEmail(admin, "u-sysadmin", "Alex", "Morgan", SYSADMIN);
        setEmail(admin, "u-backup", "Sam", "Rivera", BACKUP);

        WebClient sysadminOnA = nodeA.client();
        sysadminOnA.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        MultiNodeIT.waitUntil(() -> sysadminOnA.get("/panels/nre").body().contains("I have read and agree"),
                "the terms", Duration.ofSeconds(30));
        WebClient.Response registered = sysadminOnA.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", sysadminOnA.apiCsrfToken());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);

        // The registering administrator is told of the vendor's decision, once, by whichever node's poller saw it.
        Vendor vendor = new Vendor(admin);
        vendor.decideOn("PENDING", "authorize", "");
        MultiNodeIT.waitUntil(() -> mailsTo(SYSADMIN, "authorized") == 1, "the authorization's e-mail",
                POLL_INTERVAL.multipliedBy(4));

        // Both nodes check the status at the same instant and both see the suspension.
        vendor.decideOn("ACTIVE", "suspend", "Unpaid invoice 2026-11");
        WebClient sysadminOnB = nodeB.client();
        sysadminOnB.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        String csrfA = sysadminOnA.apiCsrfToken();
        String csrfB = sysadminOnB.apiCsrfToken();
        CyclicBarrier together = new CyclicBarrier(2);
        CompletableFuture<WebClient.Response> onA = CompletableFuture.supplyAsync(() -> {
            await(together);
            return sysadminOnA.postJson("/api/panels/nre/actions/refresh", "{}", csrfA);
        });
        CompletableFuture<WebClient.Response> onB = CompletableFuture.supplyAsync(() -> {
            await(together);
            return sysadminOnB.postJson("/api/panels/nre/actions/refresh", "{}", csrfB);
        });
        assertThat(onA.get().status()).as(onA.get().body()).isLessThan(500);
        assertThat(onB.get().status()).as(onB.get().body()).isLessThan(500);

        MultiNodeIT.waitUntil(() -> mailsTo(SYSADMIN, "suspended") == 1 && mailsTo(BACKUP, "suspended") == 1,
                "the suspension's e-mails", Duration.ofSeconds(30));
        assertThat(count("SELECT COUNT(*) FROM host_notice WHERE plugin_id = 'nre' AND notice_key = 'suspended'"))
                .isEqualTo(1);
        // Both nodes' senders look for owed e-mail every few seconds: give them time to send one twice.
        Thread.sleep(12_000);
        assertThat(mailsTo(SYSADMIN, "suspended")).isEqualTo(1);
        assertThat(mailsTo(BACKUP, "suspended")).isEqualTo(1);
        assertThat(mailsTo(SYSADMIN, "authorized")).isEqualTo(1);
        assertThat(mailsTo(BACKUP, "authorized")).as("only the registering administrator is told").isZero();
        MimeMessage suspension = mails(BACKUP, "suspended").get(0);
        // Without --public-url each node links to itself: whichever sent it.
        assertThat(GreenMailUtil.getBody(suspension)).contains("Unpaid invoice 2026-11")
                .containsAnyOf("http://127.0.0.1:" + nodeA.port + "/notices", "http://127.0.0.1:" + nodeB.port
                        + "/notices");

        // Both nodes show it, to both holders.
        WebClient backupOnB = nodeB.client();
        backupOnB.signIn("backup", TestConsole.DEMO_PASSWORD);
        assertThat(backupOnB.get("/notices").body()).contains("suspended the district's records exchange");
        assertThat(sysadminOnA.get("/").body()).contains("class=\"critical-notices\"");
    }

    private static void setEmail(WebClient admin, String userId, String first, String last, String email) {
        WebClient.Response saved = admin.submit("/admin/users/" + userId, "/admin/users/" + userId, Map.of(
                "first-name", first, "last-name", last, "email", email));
        assertThat(saved.status()).isEqualTo(303);
    }

    private long mailsTo(String address, String subjectWord) {
        return mails(address, subjectWord).size();
    }

    private List<MimeMessage> mails(String address, String subjectWord) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getSubject().contains(subjectWord)
                        && message.getRecipients(Message.RecipientType.TO)[0].toString().contains(address)) {
                    found.add(message);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private int count(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
