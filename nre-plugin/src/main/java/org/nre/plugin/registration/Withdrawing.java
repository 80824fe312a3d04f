package org.nre.plugin.registration;

import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterState;

/** Withdraws the district from the exchange: the registration the router holds ends DEREGISTERED. */
final class Withdrawing {

    private final LifecycleParts parts;

    Withdrawing(LifecycleParts parts) {
        this.parts = parts;
    }

    ActionResult deregister(ActingUser user) {
        Optional<District> district = parts.districts().current();
        if (district.isEmpty()) {
            return ActionResult.conflict(Words.NO_DISTRICT);
        }
        Optional<Registration> found = parts.store().current(district.get().id());
        if (found.isEmpty() || !found.get().followed()) {
            return ActionResult.conflict("There is no registration to withdraw: the district is "
                    + found.map(r -> Words.describe(r.state())).orElse("not registered") + ". Nothing was sent.");
        }
        Registration current = found.get();
        Optional<RouterClient> client = parts.router().client();
        if (client.isEmpty()) {
            parts.records().note(user, current.districtId(), current.id(), "deregister", "Asked to deregister; "
                    + "nothing was sent. " + Words.NOT_CONFIGURED, Delivery.NOT_SENT, null);
            return ActionResult.unavailable(Words.NOTHING_SENT_NOT_CONFIGURED);
        }
        String key = parts.keys().get();
        RouterResult<RouterRegistration> answer = client.get().deregister(current.routerRegistrationId(), key);
        boolean withdrawn = answer instanceof RouterResult.NotFound
                || answer instanceof RouterResult.Ok<RouterRegistration> ok && ok.value().state() == RouterState.DEREGISTERED
                && ok.value().id().equals(current.routerRegistrationId());
        if (withdrawn) {
            boolean moved = parts.records().move(user, current, current.moved(RegistrationState.DEREGISTERED, "",
                    null, parts.now()), "deregister", "Withdrew the district from the National Records Exchange; "
                    + "the router received it. The district may register again.", Delivery.RECEIVED, key,
                    Records.Also.NOTHING);
            parts.records().audit(user, "nre.deregister", "Deregistered the district from the National Records "
                    + "Exchange");
            return moved ? ActionResult.success("The district is deregistered from the National Records Exchange; "
                    + "records can no longer be exchanged. You may register again at any time.")
                    : ActionResult.conflict("The router withdrew the registration, but it changed here meanwhile. "
                    + "Reload the page.");
        }
        if (answer instanceof RouterResult.Ok<RouterRegistration> ok) {
            parts.records().note(user, current.districtId(), current.id(), "deregister", "Asked the router to "
                    + "withdraw the registration; it answered that the registration is "
                    + Words.describe(Lifecycle.state(ok.value().state())) + ".", Delivery.RECEIVED, key);
            return ActionResult.unavailable("The router did not withdraw the registration: it reports it as "
                    + Words.describe(Lifecycle.state(ok.value().state())) + ". The district is still registered.");
        }
        if (answer instanceof RouterResult.NotSent) {
            parts.records().note(user, current.districtId(), current.id(), "deregister", "Asked to deregister; "
                    + "nothing was sent. " + answer.message() + " The district is still registered.",
                    Delivery.NOT_SENT, key);
            return ActionResult.unavailable(Words.NOTHING_SENT + " " + answer.message()
                    + " The district is still registered.");
        }
        if (answer.uncertain()) {
            parts.records().note(user, current.districtId(), current.id(), "deregister", "Asked the router to "
                    + "withdraw the registration; the request may have reached it, but its answer was lost: "
                    + answer.message() + " The console will check and show the outcome.", Delivery.UNCERTAIN, key);
            return ActionResult.unavailable(answer.message() + " The router may have withdrawn the registration; "
                    + "the console will check and show the outcome. Deregistering again is safe.");
        }
        parts.records().note(user, current.districtId(), current.id(), "deregister", "The router did not withdraw "
                + "the registration: " + answer.message(), Delivery.RECEIVED, key);
        return ActionResult.unavailable(answer.message() + " The district is still registered.");
    }
}
