package org.nre.simulator.vendor;

import java.util.List;
import java.util.Optional;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.user.ActingUser;
import org.nre.simulator.store.Registration;
import org.nre.simulator.store.SimulatorStore;

/** Carries out the vendor's decisions on registrations, each audited. */
final class Decisions {

    static final int MAX_REASON = 500;

    private final SimulatorStore store;
    private final AuditLog audit;

    Decisions(SimulatorStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    ActionResult decide(Decision decision, ActionInput input, ActingUser user) {
        Optional<String> id = input.text(VendorView.REGISTRATION);
        if (id.isEmpty()) {
            return ActionResult.conflict("The form named no registration: open the vendor's side again and decide "
                    + "on one of the registrations it shows.");
        }
        Optional<Registration> found = store.find(id.get());
        if (found.isEmpty()) {
            return ActionResult.conflict("There is no registration " + id.get() + ".");
        }
        Registration registration = found.get();
        if (!decision.from.contains(registration.state())) {
            return notAllowed(decision, registration);
        }
        String field = VendorView.reasonField(registration.id());
        String why = decision.needsReason ? input.text(field).or(() -> input.text(VendorView.PLAIN_REASON)).orElse("")
                : "";
        if (decision.needsReason && (why.isEmpty() || why.length() > MAX_REASON)) {
            String message = "Give the district a reason (1 to " + MAX_REASON + " characters) to " + decision.action()
                    + " the registration.";
            return new ActionResult.Invalid(message, List.of(new FieldError(field, message)));
        }
        // The move is conditional on the state: a decision made meanwhile elsewhere wins, and this one is refused.
        if (!store.move(registration.id(), decision.from, decision.to, why)) {
            return notAllowed(decision, store.find(registration.id()).orElse(registration));
        }
        String sentence = "Played the vendor: " + decision.done + " registration " + registration.id()
                + " of district " + registration.districtId() + (why.isEmpty() ? "" : " (" + why + ")");
        audit.record(user, "simulator." + decision.action(), sentence);
        return ActionResult.success(sentence + ". The console learns of it at its next status check.");
    }

    private static ActionResult notAllowed(Decision decision, Registration registration) {
        return ActionResult.conflict("A registration that is " + registration.state() + " cannot be " + decision.done
                + ".");
    }
}
