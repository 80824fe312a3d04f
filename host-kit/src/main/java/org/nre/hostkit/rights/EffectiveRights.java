package org.nre.hostkit.rights;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;

/**
 * A user's effective rights, computed once when the user's or their groups' rights change, so that a check
 * touches no database: four bits a right (one per {@link Level}), numbered by the console-wide
 * {@link RightIndex}. The first sixteen rights live in one {@code long}, so a user's rights are a 32-byte
 * object and a check costs one look-up in the shared index and one bit test, whatever the number of users
 * and groups (docs/performance.md).
 */
public final class EffectiveRights implements RightSet {

    private static final int BITS_PER_RIGHT = 4;
    private static final int RIGHTS_PER_WORD = Long.SIZE / BITS_PER_RIGHT;
    private static final EffectiveRights NONE = new EffectiveRights(null, 0, null);

    private final RightIndex index;
    private final long first;
    private final long[] more;

    private EffectiveRights(RightIndex index, long first, long[] more) {
        this.index = index;
        this.first = first;
        this.more = more;
    }

    public static EffectiveRights none() {
        return NONE;
    }

    /** Rights from granted levels; each granted level also grants read, which every other level implies. */
    public static EffectiveRights of(Map<String, ? extends Set<Level>> granted, RightIndex index) {
        if (granted.isEmpty()) {
            return NONE;
        }
        long[] words = new long[1];
        for (Map.Entry<String, ? extends Set<Level>> grant : granted.entrySet()) {
            if (grant.getValue().isEmpty()) {
                continue;
            }
            int number = index.assign(grant.getKey());
            int word = number / RIGHTS_PER_WORD;
            if (word >= words.length) {
                words = Arrays.copyOf(words, word + 1);
            }
            long bits = bit(number, Level.READ);
            for (Level level : grant.getValue()) {
                bits |= bit(number, level);
            }
            words[word] |= bits;
        }
        return new EffectiveRights(index, words[0], words.length > 1 ? Arrays.copyOfRange(words, 1, words.length)
                : null);
    }

    @Override
    public boolean allows(String rightId, Level level) {
        if (index == null) {
            return false;
        }
        int number = index.numberOf(rightId);
        if (number < 0) {
            return false;
        }
        int word = number / RIGHTS_PER_WORD;
        long bits = word == 0 ? first : more != null && word - 1 < more.length ? more[word - 1] : 0L;
        return (bits & bit(number, level)) != 0;
    }

    private static long bit(int number, Level level) {
        return 1L << ((number % RIGHTS_PER_WORD) * BITS_PER_RIGHT + level.ordinal());
    }
}
