package org.nre.plugin.panel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.hostapi.district.District;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.storage.Changes;
import org.nre.plugin.terms.Terms;

/**
 * What the registration panel last read from storage, reused while nothing it shows can have changed.
 *
 * <p>Every write the plugin stores moves the {@link Changes} version on in the same transaction, on whichever node
 * made it, so one read of that version tells whether the copy is still current. The version is read before the
 * data: a write that lands in between leaves the copy under the older version, and the next view reads again.
 * Changes made outside the plugin (the host's settings, provisioned at a node's start) show within
 * {@link #FRESH_FOR} at most.
 */
public final class PanelCache {

    /** The longest a copy is reused, whatever the version says. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /**
     * What the panel reads from storage for one district.
     *
     * @param shown the registration and whether a request for it is on its way, or empty
     * @param acceptedCurrentTerms whether the district accepted the current terms
     * @param routerConfigured whether the router settings are complete
     * @param health the router's reachability
     * @param history the newest history entries first
     */
    public record Reads(Optional<RegistrationStore.Shown> shown, boolean acceptedCurrentTerms,
                        boolean routerConfigured, RouterHealth health, List<HistoryEntry> history) {
    }

    private record Key(long version, Optional<District> district, Optional<Terms> terms) {
    }

    private record Copy(Key key, Reads reads, Instant readAt) {
    }

    private final Changes changes;
    private final Clock clock;
    private volatile Copy copy;

    public PanelCache(Changes changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * The reads for this district and terms: the copy when it is current, otherwise {@code read}'s answer.
     *
     * @param district the district shown
     * @param terms the current terms
     * @param read reads everything from storage
     * @return what the panel shows
     */
    public Reads reads(Optional<District> district, Optional<Terms> terms, Supplier<Reads> read) {
        Key key = new Key(changes.version(), district, terms);
        Instant now = clock.instant();
        Copy last = copy;
        if (last != null && last.key().equals(key) && now.isBefore(last.readAt().plus(FRESH_FOR))
                && !now.isBefore(last.readAt())) {
            return last.reads();
        }
        Reads reads = read.get();
        copy = new Copy(key, reads, now);
        return reads;
    }
}
