package org.nre.plugin.registration;

import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.locality.SentLocality;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;

/** Sends the district's locality again, as the panel shows it, after the district's data changed. */
final class LocalityUpdates {

    private final LifecycleParts parts;

    LocalityUpdates(LifecycleParts parts) {
        this.parts = parts;
    }

    ActionResult resend(ActingUser user, String seenLocality) {
        Optional<District> district = parts.districts().current();
        if (district.isEmpty()) {
            return ActionResult.conflict(Words.NO_DISTRICT);
        }
        Optional<Registration> found = parts.store().current(district.get().id());
        if (found.isEmpty() || !found.get().followed()) {
            return ActionResult.conflict("The locality can be sent only for a registration the router holds; the "
                    + "district is " + found.map(r -> Words.describe(r.state())).orElse("not registered")
                    + ". Nothing was sent.");
        }
        Registration current = found.get();
        Locality locality = Locality.of(district.get());
        if (!seenLocality.isEmpty() && !seenLocality.equals(locality.digest())) {
            return ActionResult.conflict("The district's locality changed since the page was shown. Review the "
                    + "Locality section and send it again. Nothing was sent.");
        }
        Optional<RouterClient> client = parts.router().client();
        if (client.isEmpty()) {
            parts.records().note(user, current.districtId(), current.id(), "locality", "Asked to send the "
                    + "locality; nothing was sent. " + Words.NOT_CONFIGURED, Delivery.NOT_SENT, null);
            return ActionResult.unavailable(Words.NOTHING_SENT_NOT_CONFIGURED);
        }
        String key = parts.keys().get();
        RouterResult<RouterRegistration> answer = client.get().putLocality(current.routerRegistrationId(),
                locality.json(), key, Urgency.INTERACTIVE);
        if (answer instanceof RouterResult.Ok) {
            String sent = SentLocality.of(locality).json();
            boolean moved = parts.records().move(user, current, current.withLocalitySent(sent, parts.now()),
                    "locality", "Sent the locality; the router received it: " + locality.describe() + ".",
                    Delivery.RECEIVED, key, Records.Also.NOTHING);
            if (!moved) {
                parts.records().note(user, current.districtId(), current.id(), "locality", "Sent the locality; "
                        + "the router received it: " + locality.describe() + ".", Delivery.RECEIVED, key);
            }
            parts.records().audit(user, "nre.locality", "Sent the district's locality to the National Records "
                    + "Exchange");
            return ActionResult.success("Sent the locality to the router: " + locality.describe() + ".");
        }
        if (answer instanceof RouterResult.NotSent) {
            parts.records().note(user, current.districtId(), current.id(), "locality", "Asked to send the "
                    + "locality; nothing was sent. " + answer.message(), Delivery.NOT_SENT, key);
            return ActionResult.unavailable(Words.NOTHING_SENT + " " + answer.message());
        }
        if (answer.uncertain()) {
            parts.records().note(user, current.districtId(), current.id(), "locality", "The locality may have "
                    + "reached the router, but its answer was lost: " + answer.message(), Delivery.UNCERTAIN, key);
            return ActionResult.unavailable(answer.message() + " The locality may or may not have been updated; "
                    + "sending it again is safe.");
        }
        parts.records().note(user, current.districtId(), current.id(), "locality", "The router did not take the "
                + "locality: " + answer.message(), Delivery.RECEIVED, key);
        return ActionResult.unavailable(answer.message() + " The locality was not updated; try again later.");
    }
}
