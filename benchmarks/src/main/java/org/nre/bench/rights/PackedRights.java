package org.nre.bench.rights;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;

/**
 * A prototype, not the console's code: the effective-rights representation docs/performance.md proposes for
 * {@code org.nre.sample.rights.EffectiveRights}, measured beside it by {@link RightsCheckBenchmark#packedAllows}.
 *
 * <p>Every right id gets a small number once, console-wide ({@link Index}, shared by all users and so always in
 * the CPU's caches); a user's rights are then four bits per right (R, W, A, D, each granted level also setting R)
 * in two {@code long} fields of one small object, with an array only past 32 rights. A check is one look-up in
 * the shared index, one load from the user's object and a bit test, instead of walking the user's own
 * {@code Map<String, Set<Level>>} (the map, its table, then an {@code EnumSet} per right: four dependent memory
 * loads per check, which miss the caches once many users' rights are held). Same answers as EffectiveRights for
 * every right id (an id no user was ever granted has no number and is refused, as it is refused there).
 */
final class PackedRights implements RightSet {

    /** Console-wide numbers for right ids, given out as grants are first seen. */
    static final class Index {
        private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

        int numberOf(String rightId) {
            Integer number = numbers.get(rightId);
            return number == null ? -1 : number;
        }

        int assign(String rightId) {
            return numbers.computeIfAbsent(rightId, id -> numbers.size());
        }
    }

    private static final int BITS_PER_RIGHT = 4;

    private final Index index;
    private final long w0;
    private final long w1;
    private final long[] more;

    private PackedRights(Index index, long[] words) {
        this.index = index;
        this.w0 = words.length > 0 ? words[0] : 0;
        this.w1 = words.length > 1 ? words[1] : 0;
        this.more = words.length > 2 ? java.util.Arrays.copyOfRange(words, 2, words.length) : null;
    }

    /** From granted levels, as EffectiveRights.of: each granted level also grants read. */
    static PackedRights of(Map<String, ? extends Set<Level>> granted, Index index) {
        long[] words = new long[0];
        for (Map.Entry<String, ? extends Set<Level>> grant : granted.entrySet()) {
            int number = index.assign(grant.getKey());
            for (Level level : grant.getValue()) {
                for (Level held : new Level[] {level, Level.READ}) {
                    int bit = number * BITS_PER_RIGHT + held.ordinal();
                    if (bit / 64 >= words.length) {
                        words = java.util.Arrays.copyOf(words, bit / 64 + 1);
                    }
                    words[bit / 64] |= 1L << (bit % 64);
                }
            }
        }
        return new PackedRights(index, words);
    }

    @Override
    public boolean allows(String rightId, Level level) {
        int number = index.numberOf(rightId);
        if (number < 0) {
            return false;
        }
        int bit = number * BITS_PER_RIGHT + level.ordinal();
        int word = bit >>> 6;
        long bits = word == 0 ? w0 : word == 1 ? w1 : more != null && word - 2 < more.length ? more[word - 2] : 0;
        return (bits & (1L << bit)) != 0;
    }
}
