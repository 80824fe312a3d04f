package org.nre.bench.rights;

import org.nre.hostapi.rights.Level;
import org.nre.hostkit.rights.EffectiveRights;
import org.nre.hostkit.rights.RightsCache;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.directory.GroupStore;

/** Proves that {@link GrantsDataSource} answers as the console's database does, so that the benchmark's cache holds what the console's would. */
final class RightsCrossCheck {

    private RightsCrossCheck() {
    }

    static void againstH2(Population population, EffectiveRights[] computed) throws Exception {
        try (H2Console h2 = H2Console.open(population)) {
            RightsStore store = new RightsStore(h2.database.jdbc());
            RightsCache cache = new RightsCache(store, new GroupStore(h2.database.jdbc(), java.time.Clock.systemUTC())::groupsOf);
            long generation = store.generation();
            for (int u = 0; u < population.accounts.length; u++) {
                EffectiveRights fromH2 = cache.of(population.accounts[u].id(), generation);
                for (String right : population.rightIds) {
                    for (Level level : Level.values()) {
                        if (fromH2.allows(right, level) != computed[u].allows(right, level)) {
                            throw new IllegalStateException("User " + population.accounts[u].id() + ", " + right + ":"
                                    + level.letter() + ": H2 says " + fromH2.allows(right, level)
                                    + ", the in-memory grants say " + computed[u].allows(right, level));
                        }
                    }
                }
            }
        }
    }
}
