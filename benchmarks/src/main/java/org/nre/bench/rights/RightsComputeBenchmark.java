package org.nre.bench.rights;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nre.hostkit.rights.EffectiveRights;
import org.nre.hostkit.rights.RightIndex;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.directory.GroupStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Not a check but what a check's cache costs to fill: computing one random user's effective rights from the
 * database, as {@code RightsCache.of} does at a user's first request after any change to users, groups or grants
 * (every change moves the rights generation on, so every user pays it once per change). The console's own query
 * ({@link RightsStore#grantedTo}) and {@link EffectiveRights#of}, on H2 in MariaDB mode with the host's
 * migrations, at a given number of users and groups (see {@link Population}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RightsComputeBenchmark {

    @Param({"1000", "100000"})
    public int users;

    @Param({"1000"})
    public int groups;

    private final RightIndex index = new RightIndex();
    private H2Console h2;
    private RightsStore store;
    private GroupStore memberships;
    private String[] userIds;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Population population = new Population(users, groups, 42);
        long started = System.nanoTime();
        h2 = H2Console.open(population);
        System.out.printf("%n[rights-compute] %d users, %d groups, %d grants written to H2 in %d ms%n", users, groups,
                population.grantCount(), (System.nanoTime() - started) / 1_000_000);
        store = new RightsStore(h2.database.jdbc());
        memberships = new GroupStore(h2.database.jdbc(), java.time.Clock.systemUTC());
        Random random = new Random(11);
        userIds = new String[1024];
        for (int i = 0; i < userIds.length; i++) {
            userIds[i] = population.accounts[random.nextInt(users)].id();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        h2.close();
    }

    @Benchmark
    public EffectiveRights computeOneUser() {
        next = (next + 1) & (userIds.length - 1);
        String userId = userIds[next];
        return EffectiveRights.of(store.grantedTo(userId, memberships.groupsOf(userId)), index);
    }
}
