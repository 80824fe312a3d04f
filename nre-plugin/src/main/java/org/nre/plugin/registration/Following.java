package org.nre.plugin.registration;

import java.util.List;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;

/**
 * Follows the vendor's decisions on the registration the router holds (authorize, reject, suspend, reinstate,
 * withdraw), settles one whose answer was lost, and sends acceptances the router has not received.
 */
final class Following {

    private final LifecycleParts parts;
    private final Settling settling;
    private final TermsAcceptances acceptances;

    Following(LifecycleParts parts, Settling settling, TermsAcceptances acceptances) {
        this.parts = parts;
        this.settling = settling;
        this.acceptances = acceptances;
    }

    /**
     * What one check came to.
     *
     * @param outcome how it ended
     * @param problem what went wrong, in plain words, or empty
     */
    record Checked(Lifecycle.Check outcome, String problem) {

        static final Checked NOTHING_TO_DO = new Checked(Lifecycle.Check.NOTHING_TO_DO, "");
        static final Checked DONE = new Checked(Lifecycle.Check.DONE, "");

        static Checked failed(String problem) {
            return new Checked(Lifecycle.Check.ROUTER_FAILED, problem);
        }
    }

    Checked check(ActingUser user, Urgency urgency) {
        Optional<District> district = parts.districts().current();
        if (district.isEmpty()) {
            return Checked.NOTHING_TO_DO;
        }
        Optional<Registration> current = parts.store().current(district.get().id());
        if (current.isEmpty()) {
            return Checked.NOTHING_TO_DO;
        }
        Registration registration = current.get();
        if (registration.state() == RegistrationState.UNKNOWN) {
            return settling.settle(user, urgency);
        }
        Optional<RouterClient> client = parts.router().client();
        if (!registration.followed() || client.isEmpty()) {
            return Checked.NOTHING_TO_DO;
        }
        RouterResult<RouterRegistration> answer = client.get().registration(registration.routerRegistrationId(),
                urgency);
        if (answer instanceof RouterResult.Ok<RouterRegistration> ok) {
            if (!ok.value().id().equals(registration.routerRegistrationId())
                    || !ok.value().districtId().equals(registration.districtId())) {
                String problem = "The router answered about registration " + ok.value().id() + " of district "
                        + ok.value().districtId() + " when asked about " + registration.routerRegistrationId()
                        + "; the answer was ignored.";
                noteOnce(user, registration, problem);
                return Checked.failed(problem);
            }
            Registration now = follow(user, registration, ok.value());
            if (now.followed()) {
                acceptances.sendUnsent(user, client.get(), now, urgency);
            }
            return Checked.DONE;
        }
        if (answer instanceof RouterResult.NotFound) {
            String problem = "The router answered that it does not know registration "
                    + registration.routerRegistrationId() + ". The console keeps the registration as it last was; "
                    + "ask the vendor about it.";
            noteOnce(user, registration, problem);
            return Checked.failed(problem);
        }
        return Checked.failed(answer.message());
    }

    private Registration follow(ActingUser user, Registration registration, RouterRegistration reported) {
        RegistrationState state = Lifecycle.state(reported.state());
        Registration next = registration.moved(state, reported.reason(), reported.id(), parts.now());
        if (state == registration.state() && reported.reason().equals(registration.stateReason())) {
            parts.records().sql().update("UPDATE nre_registration SET last_router_contact = ? WHERE id = ?",
                    parts.now(), registration.id());
            return registration;
        }
        String detail = switch (state) {
            case ACTIVE -> registration.state() == RegistrationState.SUSPENDED
                    ? "The vendor lifted the suspension: the exchange is Active again."
                    : "The vendor verified and authorized the district: the exchange is Active.";
            case REJECTED -> "The vendor rejected the registration: " + reason(reported)
                    + " The district may register again.";
            case SUSPENDED -> registration.state() == state
                    ? "The vendor changed the reason for the suspension: " + reason(reported)
                    : "The vendor suspended the exchange: " + reason(reported);
            case DEREGISTERED -> "The router reports the registration as withdrawn. The district may register again.";
            case PENDING -> "The router reports the registration as pending verification again.";
            default -> "The router reports the registration as " + Words.describe(state) + ".";
        };
        return parts.records().move(user, registration, next, "status", detail, null, null, Records.Also.NOTHING)
                ? next : registration;
    }

    /** A history line, unless the newest line already says the same: the poller meets it at every turn. */
    private void noteOnce(ActingUser user, Registration registration, String detail) {
        List<HistoryEntry> newest = parts.store().history(registration.districtId(), 1);
        if (newest.isEmpty() || !newest.get(0).detail().equals(detail)) {
            parts.records().note(user, registration.districtId(), registration.id(), "status", detail, null, null);
        }
    }

    private static String reason(RouterRegistration reported) {
        return reported.reason().isBlank() ? "no reason given." : Words.sentence(reported.reason());
    }
}
