package org.nre.plugin.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.terms.TermsStore;

/**
 * Settles a registration whose answer was lost by its own identity: the router is asked for the district's
 * registration that carries the console's reference for it, and only that one counts. Another registration of
 * the district is never taken for it.
 */
final class Settling {

    private final LifecycleParts parts;

    Settling(LifecycleParts parts) {
        this.parts = parts;
    }

    /** Looks up the district's registration whose answer was lost, once its request can no longer be on its way. */
    Following.Checked settle(ActingUser user, Urgency urgency) {
        Optional<District> district = parts.districts().current();
        Optional<RouterClient> client = parts.router().client();
        if (district.isEmpty() || client.isEmpty()) {
            return Following.Checked.NOTHING_TO_DO;
        }
        Optional<Registration> current = parts.store().current(district.get().id());
        if (current.isEmpty() || current.get().state() != RegistrationState.UNKNOWN
                || current.get().sending(parts.now())) {
            return Following.Checked.NOTHING_TO_DO;
        }
        Registration registration = current.get();
        RouterResult<List<RouterRegistration>> answer = client.get().registrationsOf(registration.districtId(),
                registration.id(), urgency);
        if (!(answer instanceof RouterResult.Ok<List<RouterRegistration>> ok)) {
            return Following.Checked.failed(answer.message());
        }
        Optional<RouterRegistration> own = ok.value().stream()
                .filter(r -> r.districtId().equals(registration.districtId()))
                .filter(r -> r.clientReference().equals(registration.id()))
                .findFirst();
        if (own.isPresent()) {
            RegistrationState state = Lifecycle.state(own.get().state());
            received(user, registration, own.get(), "settle", "Looked the registration up at the router by its own "
                    + "reference: it arrived (" + Words.vendorReference(own.get().id()) + ") and "
                    + Words.outcome(state) + ".");
        } else {
            Registration never = registration.moved(RegistrationState.NOT_REGISTERED, "", null, parts.now());
            parts.records().move(user, registration, never, "settle", "Looked the registration up at the router by "
                    + "its own reference: the router holds nothing under it, so the registration never arrived or "
                    + "the router refused it, and nothing was registered. Register again when you are ready.",
                    Delivery.NOT_TAKEN, registration.idempotencyKey(), Records.Also.NOTHING);
        }
        return Following.Checked.DONE;
    }

    /**
     * Records that the router received the registration and holds it as it reports: its state, its id, who
     * registered it and when; the locality and the acceptance that travelled with it count as sent.
     */
    void received(ActingUser user, Registration sent, RouterRegistration reported, String action, String detail) {
        Instant now = parts.now();
        Registration held = sent.moved(Lifecycle.state(reported.state()), reported.reason(), reported.id(), now)
                .registeredAs(reported.registeredById(), reported.registeredByName(), reported.createdAt())
                .withLocalitySent(sent.localitySent(), now)
                .sent();
        boolean moved = parts.records().move(user, sent, held, action, detail, Delivery.RECEIVED,
                sent.idempotencyKey(), connection -> TermsStore.markSentWith(connection, sent.idempotencyKey(), now));
        if (!moved) {
            parts.records().note(user, sent.districtId(), sent.id(), action, detail + " (The registration had "
                    + "already been settled meanwhile.)", Delivery.RECEIVED, sent.idempotencyKey());
        }
    }
}
