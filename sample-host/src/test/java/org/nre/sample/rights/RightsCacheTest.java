package org.nre.sample.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.rights.EffectiveRights;
import org.nre.hostkit.rights.Grant;
import org.nre.hostkit.rights.RightsCache;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.HostConfig;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;
import org.nre.sample.directory.Account;
import org.nre.sample.directory.Group;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;

class RightsCacheTest {

    @TempDir
    Path dir;

    @Test
    void effectiveRightsAreTheUnionOfOwnAndGroupGrantsAndCheckingThemNeedsNoDatabase() {
        HostConfig config = HostConfig.from(new String[] {"--data", dir.toString()},
                java.util.Map.of());
        HostDatabase database = HostDatabase.open(config);
        ConsoleSchema.migrate(database);
        Clock clock = Clock.systemUTC();
        UserStore users = new UserStore(database.jdbc(), clock);
        GroupStore groups = new GroupStore(database.jdbc(), clock);
        RightsStore store = new RightsStore(database.jdbc());
        Account jane = new Account("u1", "jane", "Jane", "Doe", false, false, false);
        users.create(jane, "x");
        groups.create(new Group("g1", "Admins", "", List.of("u1")));
        store.replace("nre.registration", List.of(
                new Grant(Grant.Subject.USER, "u1", "nre.registration", Set.of(Level.READ)),
                new Grant(Grant.Subject.GROUP, "g1", "nre.registration", EnumSet.of(Level.DELETE))), new Version(2, "test", java.time.Instant.now(), "granted"));
        store.replace("other.tool", List.of(new Grant(Grant.Subject.GROUP, "g1", "other.tool", Set.of(Level.WRITE))), new Version(2, "test", java.time.Instant.now(), "granted"));
        RightsCache cache = new RightsCache(store, groups::groupsOf);
        long generation = store.generation();

        EffectiveRights rights = cache.of(jane.id(), generation);
        EffectiveRights nobodys = cache.of("nobody", generation);
        database.close();

        // The database is gone: every check below is answered from memory.
        for (int i = 0; i < 1000; i++) {
            assertThat(rights.allows("nre.registration", Level.READ)).isTrue();
            assertThat(rights.allows("nre.registration", Level.DELETE)).isTrue();
            assertThat(rights.allows("nre.registration", Level.WRITE)).isFalse();
            assertThat(rights.allows("other.tool", Level.READ)).as("W implies R").isTrue();
            assertThat(rights.allows("unknown.right", Level.READ)).isFalse();
        }
        assertThat(cache.of(jane.id(), generation)).isSameAs(rights);
        assertThat(nobodys.allows("nre.registration", Level.READ)).isFalse();
    }
}
