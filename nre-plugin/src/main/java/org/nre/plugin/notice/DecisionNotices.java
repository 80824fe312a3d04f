package org.nre.plugin.notice;

import java.time.Duration;
import java.util.Optional;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.StateChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registering person's own word of the vendor's decision: when the vendor authorizes (INFO) or rejects (WARNING)
 * the registration they sent, a notice for them alone, under {@code registration.outcome.<registration id>}. It is
 * raised on the change itself, which one node stores, so it is told once; {@link NreNotices} closes it after
 * {@link #OPEN_FOR} or once the registration moved on.
 */
public final class DecisionNotices implements StateChanges {

    /** The keys' start; the registration's id follows. */
    public static final String KEY = "registration.outcome.";
    /** How long the word stays open. */
    public static final Duration OPEN_FOR = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(DecisionNotices.class);

    private final Notices notices;
    private final String panelId;

    public DecisionNotices(Notices notices, String panelId) {
        this.notices = notices;
        this.panelId = panelId;
    }

    @Override
    public void moved(ActingUser by, Registration from, Registration to) {
        try {
            decision(by, from, to).ifPresent(notices::raise);
        } catch (RuntimeException e) {
            LOG.warn("The NRE notice of the vendor's decision could not be raised: {}", e.toString());
        }
    }

    Optional<Notice> decision(ActingUser by, Registration from, Registration to) {
        boolean authorized = to.state() == RegistrationState.ACTIVE && (from.state() == RegistrationState.PENDING
                || from.state() == RegistrationState.UNKNOWN);
        boolean rejected = to.state() == RegistrationState.REJECTED;
        if (!authorized && !rejected || to.registeredById() == null || to.registeredById().isBlank()
                || to.registeredById().equals(by.id())) {
            // The person who registered saw the answer on the page; nobody else is told personally.
            return Optional.empty();
        }
        Audience registrant = Audience.user(to.registeredById());
        return Optional.of(authorized
                ? NreNotices.notice(KEY + to.id(), registrant, Severity.INFO, "The National Records Exchange "
                        + "authorized the district", "The vendor verified and authorized the registration you "
                        + "sent: the records exchange is Active.", panelId)
                : NreNotices.notice(KEY + to.id(), registrant, Severity.WARNING, "The National Records Exchange "
                        + "rejected the registration you sent", "The vendor rejected the registration: "
                        + NreNotices.reason(to) + " The district may register again in the National Records "
                        + "Exchange panel.", panelId));
    }
}
