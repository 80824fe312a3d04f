package org.nre.hostkit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.ServerDatabase;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Migrations;

/**
 * The audit log's search on each database the kit runs on, through its real migrations: every filter, their
 * combination, keyset paging both ways while entries are written, the export, and the outcomes V2 gave the
 * entries written before it.
 */
@ParameterizedClass
@EnumSource(DatabaseProduct.class)
class AuditSearchTest {

    static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
    static final List<String> ACTORS = List.of("Lee, Nancy", "Leeds, Omar", "Park, Jin", "O_Brien, Pat", "LEE, Ann");
    static final List<String> ACTIONS = List.of("signin", "signin.failed", "rights.changed", "panel.denied",
            "nre.settings.test");
    static final int SEEDED = 250;

    static ServerDatabase server;
    static HikariDataSource pool;
    static AuditStore audit;
    static SteppingClock clock;
    static List<AuditStore.Entry> seeded;

    @Parameter
    DatabaseProduct product;

    /** A clock that moves a minute at each reading, so that entries spread over hours. */
    static final class SteppingClock extends Clock {
        private Instant now = START;

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofMinutes(1));
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeParameterizedClassInvocation
    static void seed(DatabaseProduct product) {
        HikariConfig config = new HikariConfig();
        if (product == DatabaseProduct.H2) {
            config.setJdbcUrl("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        } else {
            server = ServerDatabase.fresh(product);
            config.setJdbcUrl(server.url());
            config.setUsername(server.user());
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        Jdbc jdbc = new Jdbc(pool, product);
        Migrations migrations = new Migrations(pool, product);
        migrations.migrateKitTo("1");
        // Entries as the kit's first release wrote them, without an outcome, for the back-fill.
        for (String[] old : new String[][] {{"signin.failed", "Wrong password"}, {"signin.throttled", "Too many"},
                {"panel.denied", "nre: register refused, needs W"}, {"password.refused", "Too common"},
                {"panel.action", "nre: save -> invalid: Give a URL"}, {"panel.action", "nre: test -> plugin failed"},
                {"panel.action", "nre: save -> success: Saved"}, {"user.created", "Created user 'a'"}}) {
            jdbc.update("INSERT INTO host_audit (at, source, actor_id, actor_name, remote_address, action, detail) "
                    + "VALUES (?, 'console', 'u-old', 'Old, Entry', '127.0.0.1', ?, ?)", START, old[0], old[1]);
        }
        migrations.migrateKit();
        clock = new SteppingClock();
        audit = new AuditStore(jdbc, clock);
        for (int i = 0; i < SEEDED; i++) {
            String actor = ACTORS.get(i % ACTORS.size());
            String action = ACTIONS.get(i % 7 % ACTIONS.size());
            ActingUser user = new ActingUser("u-" + (i % ACTORS.size()), actor, "10.0.0." + i % 3, RightSet.none());
            if (action.equals("nre.settings.test")) {
                audit.record("nre", user, action, i % 2 == 0 ? AuditOutcome.FAILED : AuditOutcome.SUCCESS,
                        "Tested " + i);
            } else {
                audit.record(AuditStore.HOST_SOURCE, user, action, "Entry " + i);
            }
        }
        seeded = audit.newest(SEEDED + 100);
    }

    @AfterParameterizedClassInvocation
    static void drop() {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Test
    void theMigrationGaveEntriesWrittenBeforeOutcomesTheOutcomeTheirActionSays() {
        Map<String, AuditOutcome> expected = Map.of("Wrong password", AuditOutcome.FAILED,
                "Too many", AuditOutcome.REFUSED, "nre: register refused, needs W", AuditOutcome.REFUSED,
                "Too common", AuditOutcome.REFUSED, "nre: save -> invalid: Give a URL", AuditOutcome.REFUSED,
                "nre: test -> plugin failed", AuditOutcome.FAILED, "nre: save -> success: Saved", AuditOutcome.SUCCESS,
                "Created user 'a'", AuditOutcome.SUCCESS);
        List<AuditStore.Entry> old = seeded.stream().filter(e -> e.actorId().equals("u-old")).toList();

        assertThat(old).hasSize(expected.size());
        old.forEach(e -> assertThat(e.outcome()).as(e.detail()).isEqualTo(expected.get(e.detail())));
        old.forEach(e -> assertThat(AuditStore.outcomeOf(e.action(), e.detail())).isEqualTo(e.outcome()));
        assertThat(ids(all(query("old", Set.of(), Set.of(), null, null)))).hasSize(expected.size());
    }

    @Test
    void theActorFilterMatchesTheStartOfTheNameInAnyCase() {
        assertMatches(query("lee", Set.of(), Set.of(), null, null), e -> e.actorName().toLowerCase().startsWith("lee"));
        assertMatches(query("LEE, ", Set.of(), Set.of(), null, null), e -> e.actorName().equalsIgnoreCase("Lee, Nancy")
                || e.actorName().equals("LEE, Ann"));
        assertThat(all(query("nancy", Set.of(), Set.of(), null, null))).as("a prefix, not a substring").isEmpty();
    }

    @Test
    void wildcardsTypedIntoTheActorFilterMatchOnlyThemselves() {
        assertMatches(query("o_", Set.of(), Set.of(), null, null), e -> e.actorName().startsWith("O_"));
        assertThat(all(query("%", Set.of(), Set.of(), null, null))).isEmpty();
        assertThat(all(query("_ee", Set.of(), Set.of(), null, null))).isEmpty();
    }

    @Test
    void theActionFilterTakesOneCodeOrSeveral() {
        assertMatches(query("", Set.of("signin.failed"), Set.of(), null, null), e -> e.action().equals("signin.failed"));
        assertMatches(query("", Set.of("signin", "rights.changed"), Set.of(), null, null),
                e -> e.action().equals("signin") || e.action().equals("rights.changed"));
    }

    @Test
    void theOutcomeFilterFindsWhatWasRefusedOrFailedWhetherTheWriterSaidItOrTheCodeDid() {
        assertMatches(query("", Set.of(), Set.of(AuditOutcome.REFUSED), null, null),
                e -> e.outcome() == AuditOutcome.REFUSED);
        List<AuditStore.Entry> failed = all(query("", Set.of(), Set.of(AuditOutcome.FAILED), null, null));
        assertThat(failed).extracting(AuditStore.Entry::action).contains("signin.failed", "nre.settings.test")
                .doesNotContain("signin", "rights.changed");
        assertThat(failed).filteredOn(e -> e.action().equals("nre.settings.test"))
                .allSatisfy(e -> assertThat(Integer.parseInt(e.detail().substring(7)) % 2).isZero());
    }

    @Test
    void theTimeRangeIncludesItsStartAndEndsBeforeItsEnd() {
        Instant from = seeded.get(100).at();
        Instant to = seeded.get(20).at();
        assertMatches(query("", Set.of(), Set.of(), from, to), e -> !e.at().isBefore(from) && e.at().isBefore(to));
        assertThat(all(query("", Set.of(), Set.of(), from, to))).hasSize(80);
    }

    @Test
    void everyFilterTogetherMatchesOnlyWhatEachMatches() {
        Instant from = seeded.get(200).at();
        Instant to = seeded.get(10).at();
        AuditQuery query = query("lee", Set.of("signin.failed", "panel.denied"), Set.of(AuditOutcome.FAILED,
                AuditOutcome.REFUSED), from, to);
        assertMatches(query, e -> e.actorName().toLowerCase().startsWith("lee")
                && Set.of("signin.failed", "panel.denied").contains(e.action()) && !e.at().isBefore(from)
                && e.at().isBefore(to));
    }

    @Test
    void pagingOlderVisitsEveryEntryOnceWhileNewOnesAreWrittenAndPagingNewerComesBack() throws Exception {
        AuditQuery filter = AuditQuery.all(17);
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            ActingUser user = new ActingUser("u-writer", "Writer, Busy", "10.0.0.9", RightSet.none());
            while (writing.get()) {
                audit.record(AuditStore.HOST_SOURCE, user, "signin", "Meanwhile");
            }
        });
        List<Long> seen = new ArrayList<>();
        AuditPage page = audit.page(filter);
        long top = page.entries().get(0).id();
        seen.addAll(ids(page.entries()));
        while (page.older().isPresent()) {
            page = audit.page(filter.at(page.older().get()));
            assertThat(page.entries()).hasSizeBetween(1, 17);
            seen.addAll(ids(page.entries()));
        }
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        List<Long> everything = ids(audit.newest(1_000_000));

        assertThat(new HashSet<>(seen)).as("no entry twice").hasSize(seen.size());
        assertThat(seen).as("newest first from the first page's, none left out")
                .isEqualTo(everything.stream().filter(id -> id <= top).toList());
        assertThat(everything.size()).as("entries were written while paging").isGreaterThan(seen.size());

        List<Long> back = new ArrayList<>(ids(page.entries()));
        while (page.newer().isPresent()) {
            page = audit.page(filter.at(page.newer().get()));
            back.addAll(0, ids(page.entries()));
        }
        assertThat(back).as("newer pages lead back to the newest, through the entries written meanwhile")
                .isEqualTo(everything);
    }

    @Test
    void aFilteredPageSaysWhetherOlderAndNewerPagesExist() {
        AuditQuery failed = query("", Set.of("signin.failed"), Set.of(), null, null).pagesOf(5);
        AuditPage newest = audit.page(failed);
        AuditPage second = audit.page(failed.at(newest.older().orElseThrow()));
        AuditPage backAgain = audit.page(failed.at(second.newer().orElseThrow()));

        assertThat(newest.newer()).isEmpty();
        assertThat(ids(backAgain.entries())).isEqualTo(ids(newest.entries()));
        assertThat(backAgain.newer()).isEmpty();
        assertThat(audit.page(failed.at(AuditQuery.Cursor.olderThan(seeded.get(seeded.size() - 1)))).entries())
                .isEmpty();
    }

    @Test
    void theExportHandsOverEveryMatchingEntryAcrossBatches() {
        AuditQuery refusedOrFailed = query("", Set.of(), Set.of(AuditOutcome.FAILED, AuditOutcome.REFUSED), null,
                null);
        List<AuditStore.Entry> exported = new ArrayList<>();
        long top = audit.newest(1).get(0).id();
        audit.forEach(refusedOrFailed, exported::add);

        assertThat(ids(exported)).isEqualTo(ids(audit.newest(100_000).stream().filter(e -> e.id() <= top)
                .filter(e -> e.outcome() != AuditOutcome.SUCCESS).toList()));
        assertThat(exported).isNotEmpty();
    }

    @Test
    void aCursorGoesThroughItsTokenUnchangedAndOtherTextIsRefusedSayingWhatACursorIs() {
        AuditPage first = audit.page(AuditQuery.all(3));
        AuditQuery.Cursor older = first.older().orElseThrow();
        AuditQuery.Cursor parsed = AuditQuery.Cursor.parse(AuditQuery.Cursor.Direction.OLDER, older.token());

        assertThat(parsed).isEqualTo(older);
        assertThat(ids(audit.page(AuditQuery.all(3).at(parsed)).entries()))
                .isEqualTo(ids(audit.page(AuditQuery.all(3).at(older)).entries()));
        assertThatThrownBy(() -> AuditQuery.Cursor.parse(AuditQuery.Cursor.Direction.OLDER,
                "12; DROP TABLE host_audit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a cursor");
    }

    private static AuditQuery query(String actor, Set<String> actions, Set<AuditOutcome> outcomes, Instant from,
                                    Instant to) {
        return new AuditQuery(actor, actions, outcomes, from, to, 7, AuditQuery.Cursor.newest());
    }

    /** Every entry of a query, page by page. */
    private static List<AuditStore.Entry> all(AuditQuery query) {
        List<AuditStore.Entry> found = new ArrayList<>();
        AuditPage page = audit.page(query);
        found.addAll(page.entries());
        while (page.older().isPresent()) {
            page = audit.page(query.at(page.older().get()));
            found.addAll(page.entries());
        }
        return found;
    }

    private static void assertMatches(AuditQuery query, Predicate<AuditStore.Entry> expected) {
        List<AuditStore.Entry> wanted = seeded.stream().filter(expected).toList();
        assertThat(wanted).as("the seeded entries hold some to find").isNotEmpty();
        assertThat(ids(all(query).stream().filter(e -> e.id() <= seeded.get(0).id()).toList()))
                .isEqualTo(ids(wanted));
    }

    private static List<Long> ids(List<AuditStore.Entry> entries) {
        return entries.stream().map(AuditStore.Entry::id).toList();
    }
}
