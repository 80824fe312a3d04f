package org.nre.hostkit.rights;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small number for every right id the console has seen, shared by every user's {@link EffectiveRights}: a
 * check looks the id up here once (a table every request touches, so it stays in the CPU's caches) and then
 * tests one bit in the user's own few bytes, instead of walking a map and a set per user.
 */
public final class RightIndex {

    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

    /** The right's number, or -1 when no grant has named it yet (so nobody holds it). */
    int numberOf(String rightId) {
        Integer number = numbers.get(rightId);
        return number == null ? -1 : number;
    }

    /** The right's number, given out the first time a grant names it; numbers are never reused. */
    int assign(String rightId) {
        Integer number = numbers.get(rightId);
        if (number != null) {
            return number;
        }
        synchronized (numbers) {
            return numbers.computeIfAbsent(rightId, id -> numbers.size());
        }
    }
}
