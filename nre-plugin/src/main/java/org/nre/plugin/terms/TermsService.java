package org.nre.plugin.terms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterTerms;

/**
 * The current Terms of Service: fetched from the router at every status poll, checked against their digest,
 * kept in the database (so that the panel shows them while the router is down and every accepted version stays
 * readable) and in memory (so that showing the panel costs no database read for them).
 */
public final class TermsService {

    /** How long this node trusts its memory before reading what another node may have fetched. */
    static final Duration MEMORY_FOR = Duration.ofSeconds(30);

    /**
     * What fetching the terms came to.
     *
     * @param answer the router's answer
     * @param published the terms fetched, when they replace other terms the console held
     */
    public record Fetch(RouterResult<RouterTerms> answer, Optional<Terms> published) {

        public boolean ok() {
            return answer instanceof RouterResult.Ok;
        }
    }

    private final TermsStore store;
    private final Clock clock;
    private volatile Terms cached;
    private volatile Instant loadedAt;

    public TermsService(TermsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public TermsStore store() {
        return store;
    }

    /** The terms last fetched, by this node or another. */
    public Optional<Terms> current() {
        Instant loaded = loadedAt;
        Instant now = clock.instant();
        if (loaded == null || loaded.plus(MEMORY_FOR).isBefore(now)) {
            cached = store.latest().orElse(null);
            loadedAt = now;
        }
        return Optional.ofNullable(cached);
    }

    /** Fetches the terms from the router and keeps them when they came back intact. */
    public Fetch refresh(RouterClient router, RouterClient.Urgency urgency) {
        RouterResult<RouterTerms> result = router.currentTerms(urgency);
        if (!(result instanceof RouterResult.Ok<RouterTerms> ok)) {
            return new Fetch(result, Optional.empty());
        }
        Optional<Terms> before = current();
        RouterTerms fetched = ok.value();
        Terms terms = new Terms(fetched.version(), fetched.effectiveDate(), fetched.digest(), fetched.text(),
                clock.instant());
        boolean unknown = store.save(terms);
        cached = terms;
        loadedAt = clock.instant();
        boolean replaces = unknown && before.isPresent() && !(before.get().version().equals(terms.version())
                && before.get().digest().equals(terms.digest()));
        return new Fetch(result, replaces ? Optional.of(terms) : Optional.empty());
    }

    /** Forgets what is in memory, so that the next read comes from the database (another node may have fetched). */
    public void reload() {
        loadedAt = null;
    }
}
