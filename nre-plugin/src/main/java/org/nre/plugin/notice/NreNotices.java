package org.nre.plugin.notice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nre.hostapi.district.District;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.rights.Level;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.registration.Words;
import org.nre.plugin.settings.NreSettings;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.status.RouterHealthStore;
import org.nre.plugin.status.RouterReachability;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console-wide notices the plugin raises: terms to accept (louder in their last days), a suspension, a
 * rejection, the router unreachable for too long; it closes the registering person's own word of the vendor's
 * decision ({@link DecisionNotices}) once it is old or no longer true.
 * {@link #evaluate} compares what is true now with what is open and raises or clears only what differs, so any node
 * may evaluate at any time; the console tells a notice's audience once.
 */
public final class NreNotices {

    public static final String TERMS = "terms.";
    public static final String SUSPENDED = "suspended";
    public static final String REJECTED = "rejected";
    public static final String ROUTER_UNREACHABLE = "router.unreachable";
    /** How close to the deadline terms still to accept become critical. */
    public static final Duration LOUDER_WITHIN = Duration.ofDays(3);

    /**
     * What the notices read.
     *
     * @param notices the console's notices for the plugin
     * @param districts the console's district
     * @param registrations the district's registrations
     * @param terms the current terms
     * @param lifecycle whether the registration accepted them
     * @param health the router's reachability
     * @param settings how long the router may be unreachable
     * @param clock now
     * @param zone the console's time zone, in which a terms' effective day starts
     * @param panelId the panel every notice links to
     * @param rightId the right whose holders (at WRITE) see the notices about the registration
     */
    public record Sources(Notices notices, DistrictDirectory districts, RegistrationStore registrations,
                          TermsService terms, Lifecycle lifecycle, RouterHealthStore health, NreSettings settings,
                          Clock clock, ZoneId zone, String panelId, String rightId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(NreNotices.class);

    private final Sources s;
    private final Audience holders;

    public NreNotices(Sources sources) {
        this.s = sources;
        this.holders = Audience.holdersOf(sources.rightId(), Level.WRITE);
    }

    /**
     * Brings the notices in line with what is true now. A failure is logged, never thrown: the poller and the
     * actions that evaluate go on.
     */
    public void evaluate() {
        try {
            evaluateNow();
        } catch (RuntimeException e) {
            LOG.warn("The NRE notices could not be brought up to date: {}", e.toString());
        }
    }

    private void evaluateNow() {
        Map<String, Notice> open = s.notices().open().stream()
                .collect(Collectors.toMap(Notice::key, Function.identity(), (a, b) -> b));
        Optional<District> district = s.districts().current();
        List<Registration> all = district.map(d -> s.registrations().all(d.id())).orElse(List.of());
        Optional<Registration> current = district.flatMap(d -> s.registrations().current(d.id()));
        Instant now = s.clock().instant();

        Optional<Notice> terms = termsToAccept(current, now);
        for (String key : open.keySet()) {
            if (key.startsWith(TERMS) && terms.map(n -> !n.key().equals(key)).orElse(true)) {
                s.notices().clear(key);
            }
        }
        put(open, SUSPENDED, current.filter(r -> r.state() == RegistrationState.SUSPENDED).map(this::suspended));
        // Rejected until the district registers again: its newest attempt, whatever became of it, is newer.
        put(open, REJECTED, all.stream().findFirst().filter(r -> r.state() == RegistrationState.REJECTED)
                .map(this::rejected));
        put(open, ROUTER_UNREACHABLE, unreachable(current, now));
        terms.ifPresent(notice -> put(open, notice.key(), terms));
        for (Notice notice : open.values()) {
            if (notice.key().startsWith(DecisionNotices.KEY) && !outcomeStillOpen(notice, all, now)) {
                s.notices().clear(notice.key());
            }
        }
    }

    /** Raises the notice when it differs from the open one, or clears the key when there is none. */
    private void put(Map<String, Notice> open, String key, Optional<Notice> notice) {
        if (notice.isPresent()) {
            if (!notice.get().equals(open.get(key))) {
                s.notices().raise(notice.get());
            }
        } else if (open.containsKey(key)) {
            s.notices().clear(key);
        }
    }

    private Optional<Notice> termsToAccept(Optional<Registration> current, Instant now) {
        Optional<Terms> terms = s.terms().current();
        if (current.isEmpty() || !current.get().followed() || terms.isEmpty()
                || s.lifecycle().acceptedCurrent(current.get(), terms.get())) {
            return Optional.empty();
        }
        Terms toAccept = terms.get();
        Instant deadline = toAccept.effectiveDate().atStartOfDay(s.zone()).toInstant();
        boolean close = !now.isBefore(deadline.minus(LOUDER_WITHIN));
        String by = Words.day(toAccept.effectiveDate());
        String text = now.isBefore(deadline)
                ? "The vendor published the Terms of Service version " + toAccept.version() + ", effective " + by
                        + ". Read and accept them in the National Records Exchange panel by then to keep "
                        + "exchanging records."
                : "The Terms of Service version " + toAccept.version() + " took effect on " + by + " and are not "
                        + "accepted yet. Accept them in the National Records Exchange panel now: the vendor may "
                        + "stop the exchange.";
        return Optional.of(notice(termsKey(toAccept.version()), holders, close ? Severity.CRITICAL : Severity.WARNING,
                "Accept the National Records Exchange Terms of Service version " + toAccept.version() + " by " + by,
                text).withDeadline(deadline));
    }

    private Notice suspended(Registration registration) {
        return notice(SUSPENDED, holders, Severity.CRITICAL, "The National Records Exchange suspended the district's "
                + "records exchange", "The vendor suspended the exchange: " + reason(registration)
                + " No records are exchanged until the vendor lifts the suspension. The panel shows the history.");
    }

    private Notice rejected(Registration registration) {
        return notice(REJECTED, holders, Severity.WARNING, "The National Records Exchange rejected the district's "
                + "registration", "The vendor rejected the registration: " + reason(registration)
                + " The district may register again in the National Records Exchange panel.");
    }

    private Optional<Notice> unreachable(Optional<Registration> current, Instant now) {
        if (!s.settings().configured()) {
            return Optional.empty();
        }
        RouterHealth known = s.health().read();
        Duration allowed = s.settings().unreachableAfter();
        if (!RouterReachability.overdue(known, allowed, now)) {
            return Optional.empty();
        }
        // Louder while a registration is followed: the vendor's decisions and new terms go unseen meanwhile.
        boolean following = current.filter(Registration::followed).isPresent();
        return Optional.of(notice(ROUTER_UNREACHABLE, holders, following ? Severity.CRITICAL : Severity.WARNING,
                "The National Records Exchange router has not answered for more than " + minutes(allowed),
                "The console has not reached the router since " + s.lifecycle().words().time(known.unreachableSince())
                        + ": " + known.lastError() + " It keeps trying; the vendor's decisions and new Terms of "
                        + "Service are not seen until it answers. Check the router's address in the National Records "
                        + "Exchange settings and the console's network."));
    }

    /** The word of a decision stays open a while, as long as that registration is the newest and still so. */
    private static boolean outcomeStillOpen(Notice notice, List<Registration> all, Instant now) {
        RegistrationState told = notice.severity() == Severity.INFO ? RegistrationState.ACTIVE
                : RegistrationState.REJECTED;
        return all.stream().findFirst()
                .filter(r -> notice.key().equals(DecisionNotices.KEY + r.id()))
                .filter(r -> r.state() == told)
                .filter(r -> now.isBefore(r.updatedAt().plus(DecisionNotices.OPEN_FOR))).isPresent();
    }

    private Notice notice(String key, Audience audience, Severity severity, String title, String text) {
        return notice(key, audience, severity, title, text, s.panelId());
    }

    /** A notice linking to the panel, its title and text cut to what a console shows. */
    static Notice notice(String key, Audience audience, Severity severity, String title, String text,
                         String panelId) {
        return new Notice(key, audience, severity, clip(title, Notice.MAX_TITLE_LENGTH),
                clip(text, Notice.MAX_TEXT_LENGTH), null, panelId);
    }

    /** The notice's key for a terms version: the version's letters and digits, lower case. */
    static String termsKey(String version) {
        String part = version.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String key = TERMS + (part.isEmpty() ? "current" : part);
        return key.length() <= 64 ? key : key.substring(0, 64).replaceAll("-+$", "");
    }

    /** The vendor's reason as a sentence, plain text (the console escapes it). */
    static String reason(Registration registration) {
        return registration.stateReason().isBlank() ? "no reason given." : Words.sentence(registration.stateReason());
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 && minutes >= 60 ? minutes / 60 + (minutes == 60 ? " hour" : " hours")
                : minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private static String clip(String text, int max) {
        String line = text.replace('\n', ' ');
        return line.length() <= max ? line : line.substring(0, max - 3) + "...";
    }
}
