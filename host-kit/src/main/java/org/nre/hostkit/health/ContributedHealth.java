package org.nre.hostkit.health;

import java.util.List;

/**
 * The health checks the started plugins contribute, each run once, sorted by name.
 *
 * @param checks every check's outcome
 */
public record ContributedHealth(List<CheckOutcome> checks) {

    public ContributedHealth {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed (true when there are none). */
    public boolean healthy() {
        return checks.stream().allMatch(CheckOutcome::healthy);
    }

    /** The checks that failed, overran or threw. */
    public List<CheckOutcome> failing() {
        return checks.stream().filter(check -> !check.healthy()).toList();
    }
}
