package org.nre.sample.rights;

import java.util.List;
import org.nre.sample.directory.Account;

/**
 * What a change to a right's grants would do, worked out before anything is saved: who would gain the right or a
 * level of it, how many people would hold it, and why the change needs to be confirmed first, if it does.
 *
 * @param gainers the first of the users who would gain the right or a level of it, by name
 * @param gainerCount how many users would, in all
 * @param holdersBefore how many users hold the right now
 * @param holdersAfter how many would hold it after the change
 * @param expectedHolders how many people the right's definition says should hold it, 0 when it says no number
 * @param reasons why the change must be confirmed; empty when it need not be
 */
public record GrantImpact(List<Account> gainers, int gainerCount, int holdersBefore, int holdersAfter,
                          int expectedHolders, List<String> reasons) {

    /** At most this many gainers are named; the rest are counted. */
    public static final int NAMED_GAINERS = 50;

    public GrantImpact {
        gainers = List.copyOf(gainers);
        reasons = List.copyOf(reasons);
    }

    public boolean needsConfirmation() {
        return !reasons.isEmpty();
    }

    /** How many gainers are counted but not named. */
    public int unnamedGainers() {
        return gainerCount - gainers.size();
    }
}
