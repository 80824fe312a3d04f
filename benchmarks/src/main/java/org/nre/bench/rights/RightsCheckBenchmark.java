package org.nre.bench.rights;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.rights.EffectiveRights;
import org.nre.hostkit.rights.RightsCache;
import org.nre.hostkit.rights.RightsStore;
import org.nre.sample.directory.Account;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rights check: {@link EffectiveRights#allows(String, Level)} on a user's computed rights,
 * for random users of a console with {@link #users} users and {@link #groups} groups (see {@link Population}).
 *
 * <p>Set-up computes every user's rights into a {@link RightsCache} through the console's own code
 * ({@link RightsCache#of} calling {@link RightsStore#grantedTo} and {@link EffectiveRights#of}), with the grant
 * rows served from memory by {@link GrantsDataSource} rather than by H2 (whose table scan would make set-up take
 * hours at 100,000 users; {@link RightsComputeBenchmark} measures that query). For populations of up to
 * {@value #CROSS_CHECK_UP_TO} users, set-up also computes every user through H2 with the host's migrations and
 * fails unless both give the same answer to every right at every level.
 *
 * <ul>
 *   <li>{@link #allows}: the check on a random user's computed rights: what
 *       {@code request.user().rights().allows(...)} costs a plugin.</li>
 *   <li>{@link #cachedAllows}: what a request pays for its user: {@link RightsCache#of} at the current generation
 *       (a map look-up by user id), then the check. The account's id is the very String the cache was filled
 *       with, so the key compares by identity; in the console the id is read afresh and compares by content.</li>
 *   <li>{@link #allowsHotUser}: a control: the same user every time, so the user's rights stay in the CPU's
 *       caches. The gap between it and {@link #allows} is the cost of fetching a random user's rights from
 *       memory, not of the check's instructions.</li>
 *   <li>{@link #pickOnly}: a control: the harness and the picks alone.</li>
 * </ul>
 * Users, rights and levels come from tables of {@value #PICKS} random picks (a mix of held and not held), so
 * that no random number is drawn in the measured code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RightsCheckBenchmark {

    static final int PICKS = 1 << 16;
    static final int CROSS_CHECK_UP_TO = 1000;
    static final long GENERATION = 1;

    @Param({"10", "1000", "100000"})
    public int users;

    @Param({"10", "100", "1000"})
    public int groups;

    private RightsCache cache;
    private EffectiveRights[] computed;
    private Account[] accounts;
    private int[] pickUser;
    private String[] pickRight;
    private Level[] pickLevel;

    /** Where the next check's pick is; one per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            int at = next;
            next = (at + 1) & (PICKS - 1);
            return at;
        }
    }

    @Setup(org.openjdk.jmh.annotations.Level.Trial)
    public void setUp() throws Exception {
        Population population = new Population(users, groups, 42);
        long started = System.nanoTime();
        cache = new RightsCache(new RightsStore(new Jdbc(GrantsDataSource.of(population), DatabaseProduct.H2)), population::groupsOf);
        computed = new EffectiveRights[users];
        for (int u = 0; u < users; u++) {
            computed[u] = cache.of(population.accounts[u].id(), GENERATION);
        }
        long cached = System.nanoTime();
        if (users <= CROSS_CHECK_UP_TO) {
            RightsCrossCheck.againstH2(population, computed);
        }
        Random random = new Random(7);
        pickUser = new int[PICKS];
        accounts = population.accounts;
        pickRight = new String[PICKS];
        pickLevel = new Level[PICKS];
        Level[] levels = Level.values();
        int allowed = 0;
        for (int i = 0; i < PICKS; i++) {
            int u = random.nextInt(users);
            pickUser[i] = u;
            // The same String instances as defined, as a plugin asks with its constants.
            pickRight[i] = population.rightIds[random.nextInt(Population.RIGHTS)];
            pickLevel[i] = levels[random.nextInt(levels.length)];
            if (computed[u].allows(pickRight[i], pickLevel[i])) {
                allowed++;
            }
        }
        System.out.printf("%n[rights] %d users, %d groups, %d rights, %d grants: every user's rights"
                        + " computed into the cache in %d ms%s; %d of %d picked checks allowed%n",
                users, groups, Population.RIGHTS, population.grantCount(), (cached - started) / 1_000_000,
                users <= CROSS_CHECK_UP_TO ? " (and cross-checked against H2)" : "", allowed, PICKS);
    }

    /** The check on a random user's computed rights. */
    @Benchmark
    public boolean allows(Cursor cursor) {
        int i = cursor.advance();
        return computed[pickUser[i]].allows(pickRight[i], pickLevel[i]);
    }

    /** A request's look-up of its user's rights in the cache at the current generation, then the check. */
    @Benchmark
    public boolean cachedAllows(Cursor cursor) {
        int i = cursor.advance();
        return cache.of(accounts[pickUser[i]].id(), GENERATION).allows(pickRight[i], pickLevel[i]);
    }

    /** Control: the cost of the harness and the picks alone (what every benchmark above pays besides its work). */
    @Benchmark
    public int pickOnly(Cursor cursor) {
        int i = cursor.advance();
        return pickUser[i] ^ pickRight[i].length() ^ pickLevel[i].ordinal();
    }

    /** Control: the check on one user's rights (kept in the CPU's caches), random rights and levels. */
    @Benchmark
    public boolean allowsHotUser(Cursor cursor) {
        int i = cursor.advance();
        return computed[0].allows(pickRight[i], pickLevel[i]);
    }
}
