package org.nre.simulator.vendor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nre.simulator.store.RegistrationState;

/** What the vendor can decide about a registration, and the state each decision moves it from and to. */
enum Decision {
    AUTHORIZE("Authorize", List.of(RegistrationState.PENDING), RegistrationState.ACTIVE, false, "authorized"),
    REJECT("Reject", List.of(RegistrationState.PENDING), RegistrationState.REJECTED, true, "rejected"),
    SUSPEND("Suspend", List.of(RegistrationState.ACTIVE), RegistrationState.SUSPENDED, true, "suspended"),
    REINSTATE("Reinstate", List.of(RegistrationState.SUSPENDED), RegistrationState.ACTIVE, false, "reinstated");

    final String label;
    final List<RegistrationState> from;
    final RegistrationState to;
    final boolean needsReason;
    final String done;

    Decision(String label, List<RegistrationState> from, RegistrationState to, boolean needsReason, String done) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
        this.done = done;
    }

    /** The panel action's name, such as {@code authorize}. */
    String action() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Decision> ofAction(String action) {
        for (Decision decision : values()) {
            if (decision.action().equals(action)) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    /** The decisions a registration in this state allows, in the order their buttons show. */
    static List<Decision> allowedFrom(RegistrationState state) {
        return Arrays.stream(values()).filter(decision -> decision.from.contains(state)).toList();
    }
}
