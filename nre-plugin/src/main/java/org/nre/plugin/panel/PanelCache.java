package org.nre.plugin.panel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.hostapi.district.District;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.storage.Changes;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;

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
     * @param current the district's registration now, or empty
     * @param past the registrations it no longer follows, newest first
     * @param acceptances every acceptance of the terms, newest first
     * @param acceptedTexts the texts of the accepted terms, by version and digest ({@code version@digest})
     * @param acceptedCurrentTerms whether the current registration accepted the current terms
     * @param routerConfigured whether the router settings are complete
     * @param pollInterval how often the console asks the router
     * @param health the router's reachability
     * @param history the newest history entries first
     */
    public record Reads(Optional<Registration> current, List<Registration> past, List<TermsAcceptance> acceptances,
                        Map<String, Terms> acceptedTexts, boolean acceptedCurrentTerms, boolean routerConfigured,
                        Duration pollInterval, RouterHealth health, List<HistoryEntry> history) {

        public Reads {
            past = List.copyOf(past);
            acceptances = List.copyOf(acceptances);
            acceptedTexts = Map.copyOf(acceptedTexts);
            history = List.copyOf(history);
        }

        /** The key of {@link #acceptedTexts()} for a version and digest. */
        public static String key(String version, String digest) {
            return version + "@" + digest;
        }
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
