package org.nre.hostkit.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.nre.hostkit.plugins.Contributions;

/** Notices kept on H2 as a console keeps them: raised, updated, cleared, shown to their audience, dismissed. */
class NoticeBoardTest {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    static final Notice TERMS = Notice.of("terms.2027-01", Audience.holdersOf("alpha.jobs", Level.WRITE),
            Severity.WARNING, "New terms to accept", "Accept them in the Jobs panel.");

    static final MailSettings MAIL = new MailSettings("127.0.0.1", 25, MailSettings.Security.NONE, null, null,
            "console@district.example", URI.create("https://console.district.example"));

    private NoticeDatabase database;
    private Jdbc jdbc;
    private final SteppingClock clock = new SteppingClock(START);
    private final Directory directory = new Directory()
            .user("jane", "jane@example.org").user("john", null).user("kim", "kim@example.org")
            .grant("jane", "alpha.jobs", Level.WRITE).grant("john", "alpha.jobs", Level.WRITE)
            .grant("kim", "alpha.jobs", Level.READ);
    private NoticeBoard board;
    private Notices alpha;

    @BeforeEach
    void start() {
        database = NoticeDatabase.fresh(DatabaseProduct.H2);
        jdbc = database.node();
        board = new NoticeBoard(jdbc, clock, directory, () -> NoticeDatabase.PLUGINS, MAIL);
        alpha = board.forPlugin("alpha");
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void raisingOpensTheNoticeOnceAndRaisingItAgainUpdatesIt() {
        assertThat(alpha.raise(TERMS)).isTrue();
        clock.advance(Duration.ofMinutes(5));
        Notice louder = new Notice(TERMS.key(), TERMS.audience(), Severity.CRITICAL, "Accept the new terms today",
                "Three days left.", START.plus(Duration.ofDays(3)), "alpha-jobs");

        assertThat(alpha.raise(louder)).isFalse();

        assertThat(alpha.open()).containsExactly(louder);
        ShownNotice shown = board.open().get(0);
        assertThat(shown.openedAt()).isEqualTo(START);
        assertThat(shown.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(shown.dueWithin(Duration.ofDays(3), START)).isTrue();
        assertThat(shown.dueWithin(Duration.ofDays(2), START)).isFalse();
    }

    @Test
    void raisingTheSameNoticeAgainChangesNothing() {
        alpha.raise(TERMS.withDeadline(Instant.parse("2027-01-15T00:00:00.123456789Z")));
        clock.advance(Duration.ofMinutes(5));

        assertThat(alpha.raise(TERMS.withDeadline(Instant.parse("2027-01-15T00:00:00.123456789Z")))).isFalse();

        assertThat(board.open().get(0).updatedAt()).isEqualTo(START);
    }

    @Test
    void aNoticeOpeningOwesOneMailToEachAddresseeWithAnAddressAndAnUpdateOwesNone() {
        alpha.raise(TERMS);
        alpha.raise(new Notice(TERMS.key(), TERMS.audience(), Severity.CRITICAL, "Louder", "", null, null));

        assertThat(jdbc.list("SELECT user_id, address, state FROM host_notice_mail ORDER BY user_id",
                row -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3)))
                .as("john has no address, kim holds the right only at read").containsExactly(
                        "jane jane@example.org PENDING");
    }

    @Test
    void aClearedNoticeIsClosedAndRaisingItAgainIsANewNotice() {
        alpha.raise(TERMS);
        long first = board.open().get(0).id();

        assertThat(alpha.clear(TERMS.key())).isTrue();
        assertThat(alpha.clear(TERMS.key())).isFalse();
        assertThat(alpha.open()).isEmpty();
        assertThat(jdbc.list("SELECT state FROM host_notice_mail WHERE notice_id = ?", row -> row.getString(1), first))
                .containsOnly("CANCELLED");

        assertThat(alpha.raise(TERMS)).isTrue();
        assertThat(board.open()).singleElement().satisfies(notice -> assertThat(notice.id()).isNotEqualTo(first));
        assertThat(jdbc.one("SELECT COUNT(*) FROM host_notice_mail WHERE state = 'PENDING'", row -> row.getInt(1)))
                .contains(1);
    }

    @Test
    void eachUserSeesTheNoticesAddressedToThemMostSevereFirstThenNewest() {
        Notices beta = board.forPlugin("beta");
        alpha.raise(Notice.of("info", Audience.holdersOf("alpha.jobs", Level.READ), Severity.INFO, "Info", ""));
        clock.advance(Duration.ofMinutes(1));
        alpha.raise(Notice.of("warning.old", Audience.holdersOf("alpha.jobs", Level.READ), Severity.WARNING, "Old",
                ""));
        clock.advance(Duration.ofMinutes(1));
        alpha.raise(Notice.of("warning.new", Audience.holdersOf("alpha.jobs", Level.READ), Severity.WARNING, "New",
                ""));
        alpha.raise(Notice.of("writers", Audience.holdersOf("alpha.jobs", Level.WRITE), Severity.CRITICAL, "Writers",
                ""));
        beta.raise(Notice.of("kim", Audience.user("kim"), Severity.CRITICAL, "For Kim", ""));

        assertThat(board.openFor("kim", holding("alpha.jobs", Level.READ))).extracting(ShownNotice::title)
                .containsExactly("For Kim", "New", "Old", "Info");
        assertThat(board.openFor("jane", holding("alpha.jobs", Level.WRITE))).extracting(ShownNotice::title)
                .containsExactly("Writers", "New", "Old", "Info");
        assertThat(board.openFor("nobody", RightSet.none())).isEmpty();
        assertThat(board.open()).hasSize(5);
    }

    @Test
    void aNoticeForTheHoldersOfARightNoStartedPluginDefinesIsNotShown() {
        AtomicReference<Contributions> started = new AtomicReference<>(NoticeDatabase.PLUGINS);
        NoticeBoard board = new NoticeBoard(jdbc, clock, directory, started::get, MAIL);
        board.forPlugin("alpha").raise(TERMS);
        board.forPlugin("alpha").raise(Notice.of("done", Audience.user("jane"), Severity.INFO, "Done", ""));

        started.set(Contributions.none());

        assertThat(board.openFor("jane", holding("alpha.jobs", Level.WRITE))).extracting(ShownNotice::title)
                .containsExactly("Done");
        assertThat(board.open()).as("administrators still see both").hasSize(2);
    }

    @Test
    void aDismissedNoticeIsHiddenFromThatUserOnly() {
        alpha.raise(TERMS);
        long id = board.open().get(0).id();

        assertThat(board.dismiss("jane", id)).isTrue();
        assertThat(board.dismiss("jane", id)).isFalse();

        assertThat(board.openFor("jane", holding("alpha.jobs", Level.WRITE))).isEmpty();
        assertThat(board.openFor("john", holding("alpha.jobs", Level.WRITE))).hasSize(1);
        assertThat(board.open()).hasSize(1);
    }

    @Test
    void aCriticalNoticeCannotBeDismissedAndReturnsWhenANoticeTurnsCritical() {
        alpha.raise(TERMS);
        long id = board.open().get(0).id();
        board.dismiss("jane", id);

        alpha.raise(new Notice(TERMS.key(), TERMS.audience(), Severity.CRITICAL, "Last day", "", null, null));

        assertThat(board.openFor("jane", holding("alpha.jobs", Level.WRITE))).extracting(ShownNotice::title)
                .containsExactly("Last day");
        assertThatThrownBy(() -> board.dismiss("jane", id)).isInstanceOf(HostKitException.class)
                .hasMessageContaining("critical notice cannot be dismissed");
        assertThat(board.dismiss("jane", 999_999)).isFalse();
    }

    @Test
    void aNoticeForAnotherPluginsRightIsRefusedAndNothingIsStored() {
        Notice foreign = Notice.of("x", Audience.holdersOf("beta.jobs", Level.READ), Severity.INFO, "X", "");
        Notice unknown = Notice.of("x", Audience.holdersOf("alpha.unknown", Level.READ), Severity.INFO, "X", "");

        assertThatThrownBy(() -> alpha.raise(foreign)).isInstanceOf(HostApiException.class)
                .hasMessageContaining("right 'beta.jobs', which plugin 'alpha' does not define");
        assertThatThrownBy(() -> alpha.raise(unknown)).isInstanceOf(HostApiException.class)
                .hasMessageContaining("right 'alpha.unknown'");

        assertNothingStored();
    }

    @Test
    void aNoticeLinkingToAPanelThePluginDoesNotContributeIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> alpha.raise(TERMS.linkingTo("beta-jobs"))).isInstanceOf(HostApiException.class)
                .hasMessageContaining("panel 'beta-jobs', which plugin 'alpha' does not contribute");
        assertThatThrownBy(() -> alpha.raise(TERMS.linkingTo("no-such-panel"))).isInstanceOf(HostApiException.class)
                .hasMessageContaining("panel 'no-such-panel'");

        assertNothingStored();
    }

    @Test
    void aNoticeForAUserIdTooLongToKeepIsRefused() {
        Notice tooLong = Notice.of("x", Audience.user("u".repeat(201)), Severity.INFO, "X", "");

        assertThatThrownBy(() -> alpha.raise(tooLong)).isInstanceOf(HostApiException.class)
                .hasMessageContaining("at most 200 characters");
        assertNothingStored();
    }

    @Test
    void aNoticeForOneUserIsMailedToThemWhenTheyHaveAnAddress() {
        alpha.raise(Notice.of("done", Audience.user("kim"), Severity.INFO, "Done", ""));
        alpha.raise(Notice.of("done.john", Audience.user("john"), Severity.INFO, "Done", ""));
        alpha.raise(Notice.of("done.stranger", Audience.user("stranger"), Severity.INFO, "Done", ""));

        assertThat(jdbc.list("SELECT address FROM host_notice_mail", row -> row.getString(1)))
                .containsExactly("kim@example.org");
    }

    @Test
    void theNoticesOfAPluginAreItsOwn() {
        alpha.raise(TERMS);
        Notices beta = board.forPlugin("beta");

        assertThat(beta.open()).isEmpty();
        assertThat(beta.clear(TERMS.key())).isFalse();
        assertThat(alpha.open()).hasSize(1);
    }

    private void assertNothingStored() {
        assertThat(jdbc.one("SELECT COUNT(*) FROM host_notice", row -> row.getInt(1))).contains(0);
        assertThat(jdbc.one("SELECT COUNT(*) FROM host_notice_mail", row -> row.getInt(1))).contains(0);
    }

    private static RightSet holding(String rightId, Level level) {
        Map<String, Set<Level>> held = Map.of(rightId, Set.of(level));
        return (right, asked) -> held.getOrDefault(right, Set.of()).stream().anyMatch(own -> own.implies(asked));
    }
}
