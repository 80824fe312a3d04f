package org.nre.sample.rights;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nre.sample.directory.Account;

/**
 * Effective rights per user, computed once per change: a cached entry serves every check until the rights
 * generation (read with the session, one query per request) moves on. A check itself never touches the
 * database.
 */
public final class RightsCache {

    private record Entry(long generation, EffectiveRights rights) {
    }

    private final RightsStore store;
    private final RightIndex index = new RightIndex();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public RightsCache(RightsStore store) {
        this.store = store;
    }

    /** The account's effective rights at the given generation. */
    public EffectiveRights of(Account account, long generation) {
        if (account.administrator()) {
            return EffectiveRights.administrator();
        }
        Entry entry = entries.get(account.id());
        if (entry == null || entry.generation() != generation) {
            entry = new Entry(generation, EffectiveRights.of(store.grantedTo(account.id()), index));
            entries.put(account.id(), entry);
        }
        return entry.rights();
    }
}
