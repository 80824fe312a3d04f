package org.nre.hostkit.rights;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Effective rights per user, computed once per change: a cached entry serves every check until the rights
 * generation (read with the session, one query per request) moves on. A check itself never touches the
 * database.
 */
public final class RightsCache {

    private record Entry(long generation, EffectiveRights rights) {
    }

    private final RightsStore store;
    private final Memberships memberships;
    private final RightIndex index = new RightIndex();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public RightsCache(RightsStore store, Memberships memberships) {
        this.store = store;
        this.memberships = memberships;
    }

    /** The user's effective rights at the given generation: their own grants and their groups'. */
    public EffectiveRights of(String userId, long generation) {
        Entry entry = entries.get(userId);
        if (entry == null || entry.generation() != generation) {
            entry = new Entry(generation, EffectiveRights.of(store.grantedTo(userId, memberships.groupsOf(userId)),
                    index));
            entries.put(userId, entry);
        }
        return entry.rights();
    }
}
