package org.nre.sample.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.notice.Addressee;
import org.nre.hostkit.rights.Grant;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.HostConfig;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;

/** Who a notice reaches in the sample console: enabled holders of the right at the level, by grant or group. */
class NoticeAddresseesTest {

    @TempDir
    Path dir;

    private HostDatabase database;
    private NoticeAddressees addressees;

    @BeforeEach
    void start() {
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.toString()}, Map.of()));
        ConsoleSchema.migrate(database);
        Clock clock = Clock.systemUTC();
        UserStore users = new UserStore(database.jdbc(), clock);
        GroupStore groups = new GroupStore(database.jdbc(), clock);
        users.create(new Account("u1", "jane", "Jane", "Doe", false, false, false), "x");
        users.create(new Account("u2", "john", "John", "Roe", false, false, false), "x");
        users.create(new Account("u3", "gone", "Gone", "Away", false, false, true), "x");
        users.create(new Account("u4", "kim", "Kim", "Lee", false, false, false), "x");
        groups.create(new Group("g1", "Registrars", "", List.of("u2", "u3")));
        new RightsStore(database.jdbc()).replace("nre.registration", List.of(
                new Grant(Grant.Subject.USER, "u1", "nre.registration", Set.of(Level.READ)),
                new Grant(Grant.Subject.GROUP, "g1", "nre.registration", EnumSet.of(Level.WRITE))),
                new Version(2, "test", Instant.now(), "granted"));
        addressees = new NoticeAddressees(database.jdbc(), users);
    }

    @AfterEach
    void stop() {
        database.close();
    }

    @Test
    void theHoldersOfARightAtALevelAreItsEnabledHoldersDirectOrThroughAGroup() {
        assertThat(addressees.holdersOf("nre.registration", Level.READ)).extracting(Addressee::userId)
                .containsExactly("u1", "u2");
        assertThat(addressees.holdersOf("nre.registration", Level.WRITE)).extracting(Addressee::name)
                .containsExactly("Roe, John");
        assertThat(addressees.holdersOf("nre.registration", Level.DELETE)).isEmpty();
        assertThat(addressees.holdersOf("other.right", Level.READ)).isEmpty();
    }

    @Test
    void oneUserIsFoundWhenEnabledAndNobodyHasAnAddressYet() {
        assertThat(addressees.user("u4")).contains(new Addressee("u4", "Lee, Kim", null));
        assertThat(addressees.user("u3")).isEmpty();
        assertThat(addressees.user("nobody")).isEmpty();
        assertThat(addressees.holdersOf("nre.registration", Level.READ)).noneMatch(Addressee::reachable);
    }
}
