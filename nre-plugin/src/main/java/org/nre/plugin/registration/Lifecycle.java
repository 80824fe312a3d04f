package org.nre.plugin.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.district.District;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterState;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsService;

/**
 * The registration's lifecycle: register, settle a lost answer, follow the vendor's decisions, accept new
 * terms, resend the locality, deregister, register again. The router is the source of truth; the plugin keeps
 * a record of every registration so that the console never loses what the district did, and every change is
 * stored with its history line before the user hears of it.
 */
public final class Lifecycle {

    /** The checkbox that accepts the Terms of Service. */
    public static final String ACCEPT_TERMS = "accept-terms";
    /** The hidden field that carries the terms version the user read. */
    public static final String SEEN_TERMS = "terms-version";
    /** The hidden field that carries the digest of the locality the user saw. */
    public static final String SEEN_LOCALITY = "locality-digest";
    /** How long a registration request may take, retries included, before its answer counts as lost. */
    public static final Duration SENDING_WINDOW = Duration.ofSeconds(60);

    /** What one check with the router came to, for the poller's pace. */
    public enum Check { DONE, NOTHING_TO_DO, ROUTER_FAILED }

    private final LifecycleParts parts;
    private final Registering registering;
    private final Following following;
    private final TermsAcceptances acceptances;
    private final Withdrawing withdrawing;
    private final LocalityUpdates localities;
    /** The districts whose status a person asked to check, and since when: one check at a time each. */
    private final Map<String, Instant> checking = new ConcurrentHashMap<>();

    public Lifecycle(RegistrationStore registrations, TermsService terms, RouterConnection router,
                     DistrictDirectory districts, HostInfo host, AuditLog audit, Clock clock, Supplier<String> keys) {
        this(registrations, terms, router, districts, host, audit, clock, keys, StateChanges.NONE);
    }

    /** A lifecycle that tells {@code changes} of every change of a registration's state, once stored. */
    public Lifecycle(RegistrationStore registrations, TermsService terms, RouterConnection router,
                     DistrictDirectory districts, HostInfo host, AuditLog audit, Clock clock, Supplier<String> keys,
                     StateChanges changes) {
        this.parts = new LifecycleParts(new Records(registrations, audit, clock, changes), terms, router, districts,
                host, new Words(host.timeZone()), keys);
        Settling settling = new Settling(parts);
        this.acceptances = new TermsAcceptances(parts);
        this.registering = new Registering(parts, settling, SENDING_WINDOW);
        this.following = new Following(parts, settling, acceptances);
        this.withdrawing = new Withdrawing(parts);
        this.localities = new LocalityUpdates(parts);
    }

    public ActionResult register(ActingUser user, boolean accepted, String seenTermsVersion, String seenLocality) {
        return registering.register(user, accepted, seenTermsVersion, seenLocality);
    }

    public ActionResult acceptUpdatedTerms(ActingUser user, boolean accepted, String seenTermsVersion) {
        return acceptances.acceptUpdated(user, accepted, seenTermsVersion);
    }

    public ActionResult resendLocality(ActingUser user, String seenLocality) {
        return localities.resend(user, seenLocality);
    }

    public ActionResult deregister(ActingUser user) {
        return withdrawing.deregister(user);
    }

    /** Checks the registration with the router now: settles a lost answer, or follows the vendor's decision. */
    public Check check(ActingUser user, Urgency urgency) {
        return following.check(user, urgency).outcome();
    }

    /** Fetches the current terms; new ones go into the history, with the day by which to accept them. */
    public TermsService.Fetch refreshTerms(ActingUser user, RouterClient client, Urgency urgency) {
        TermsService.Fetch fetch = parts.terms().refresh(client, urgency);
        fetch.published().ifPresent(published -> parts.districts().current().ifPresent(district -> {
            Optional<Registration> current = parts.store().current(district.id());
            boolean toAccept = current.filter(Registration::followed).isPresent();
            parts.records().note(user, district.id(), current.map(Registration::id).orElse(null), "terms",
                    "The vendor published the Terms of Service version " + published.version() + ", effective "
                            + Words.day(published.effectiveDate()) + "."
                            + (toAccept ? " Accept them by then to keep exchanging records." : ""), null, null);
        }));
        return fetch;
    }

    /**
     * The refresh action: terms and status, checked now; the message says what it found. While one is under way
     * for the district, another is answered at once that it is, rather than asking the router again.
     */
    public ActionResult refresh(ActingUser user) {
        String district = parts.districts().current().map(District::id).orElse("");
        Instant now = parts.now();
        Instant running = checking.putIfAbsent(district, now);
        if (running != null) {
            return ActionResult.conflict("A check with the router is already under way, since "
                    + parts.words().time(running) + ": the panel shows what it finds when it ends.");
        }
        try {
            return refreshNow(user);
        } finally {
            checking.remove(district, now);
        }
    }

    private ActionResult refreshNow(ActingUser user) {
        Optional<RouterClient> client = parts.router().client();
        if (client.isEmpty()) {
            return ActionResult.unavailable(Words.NOTHING_SENT_NOT_CONFIGURED);
        }
        Optional<java.time.Instant> paused = client.get().circuitOpenUntil();
        if (paused.isPresent()) {
            return ActionResult.unavailable(Words.NOTHING_SENT + " The router failed several times in a row, so the "
                    + "console has paused calls to it until " + parts.words().time(paused.get()) + ".");
        }
        TermsService.Fetch fetch = refreshTerms(user, client.get(), Urgency.INTERACTIVE);
        Following.Checked check = following.check(user, Urgency.INTERACTIVE);
        if (check.outcome() == Check.ROUTER_FAILED || !fetch.ok()) {
            String why = !fetch.ok() ? fetch.answer().message() : check.problem();
            String opening = fetch.answer() instanceof RouterResult.NotSent ? Words.NOTHING_SENT
                    : "The router could not be asked now.";
            return ActionResult.unavailable(opening + " " + why + " The status shown is the last one known; the "
                    + "console keeps checking on its own.");
        }
        Optional<Registration> now = parts.districts().current().flatMap(d -> parts.store().current(d.id()));
        StringBuilder message = new StringBuilder("Checked with the router: the district is ")
                .append(now.map(r -> Words.describe(r.state())).orElse("not registered")).append('.');
        Optional<Terms> terms = parts.terms().current();
        boolean toAccept = now.filter(Registration::followed).isPresent() && terms.isPresent()
                && !acceptances.accepted(now.get(), terms.get());
        if (fetch.published().isPresent()) {
            Terms published = fetch.published().get();
            message.append(" The vendor has published new Terms of Service: version ").append(published.version())
                    .append(", effective ").append(Words.day(published.effectiveDate())).append('.')
                    .append(toAccept ? " Read them and accept them below by then." : " They are shown below.");
        } else if (toAccept) {
            message.append(" The Terms of Service version ").append(terms.get().version())
                    .append(" still await your acceptance, by ").append(Words.day(terms.get().effectiveDate()))
                    .append('.');
        }
        return ActionResult.success(message.toString());
    }

    /** Whether the district accepted these terms (version and text) for the registration. */
    public boolean acceptedCurrent(Registration registration, Terms current) {
        return acceptances.accepted(registration, current);
    }

    public Words words() {
        return parts.words();
    }

    public static String describe(RegistrationState state) {
        return Words.describe(state);
    }

    static RegistrationState state(RouterState state) {
        return RegistrationState.valueOf(state.name());
    }
}
