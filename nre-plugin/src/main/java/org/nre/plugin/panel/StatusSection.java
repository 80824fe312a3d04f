package org.nre.plugin.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.Words;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.terms.Terms;

/** The section "Registration &amp; Router Status": where the registration stands, the router, and the way on. */
final class StatusSection {

    private final Words words;

    StatusSection(Words words) {
        this.words = words;
    }

    Section section(RegistrationView.State state) {
        List<Component> components = new ArrayList<>();
        Optional<Registration> registration = state.reads().current();
        RegistrationState current = state.registrationState();
        if (registration.isEmpty()) {
            components.add(new Component.LabelledValue("Exchange Registration", "Not Registered"));
        } else if (current == RegistrationState.UNKNOWN) {
            Registration r = registration.get();
            components.add(new Component.LabelledValue("Exchange Registration", "Registration sent from: "
                    + r.sourceAddress() + ", Application Name: " + r.applicationName()));
            components.add(new Component.LabelledValue("Sent By", r.registeredByName() + " at "
                    + words.time(r.registeredAt())));
        } else {
            Registration r = registration.get();
            String registered = "Registered from: " + r.sourceAddress() + ", Application Name: " + r.applicationName();
            components.add(new Component.LabelledValue("Exchange Registration", switch (current) {
                case DEREGISTERED -> "Deregistered (was r" + registered.substring(1) + ")";
                case REJECTED -> "Rejected (was r" + registered.substring(1) + ")";
                default -> registered;
            }));
            components.add(new Component.LabelledValue("Registered By", r.registeredByName() + " at "
                    + words.time(r.registeredAt())));
        }
        components.add(exchangeStatus(state, registration));
        components.add(router(state));
        if (state.termsToAccept()) {
            Terms terms = state.terms().orElseThrow();
            components.add(new Component.Notice(Tone.WARNING, "Terms updated - accept by "
                    + Words.day(terms.effectiveDate()) + ". The vendor published version " + terms.version()
                    + " of the Terms of Service; accept it below to keep exchanging records."));
        }
        Availability availability = state.availability();
        components.add(new Component.Button(RegistrationView.REFRESH, false, availability.toAsk(words)));
        if (registration.filter(Registration::followed).isPresent()) {
            components.add(new Component.Button(RegistrationView.DEREGISTER, false, availability.toSend(words)));
        }
        return new Section("Registration & Router Status", components);
    }

    private Component exchangeStatus(RegistrationView.State state, Optional<Registration> registration) {
        String reason = registration.map(Registration::stateReason).filter(r -> !r.isBlank())
                .map(r -> Words.sentence(r)).orElse("no reason given.");
        return switch (state.registrationState()) {
            case ACTIVE -> new Component.StatusBadge("Exchange Status", "Active", Tone.SUCCESS,
                    "Verified and authorized by the vendor: records can be exchanged.");
            case PENDING -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.WARNING,
                    "Pending verification: the vendor has yet to verify and authorize the district. The console "
                            + "keeps asking the router, and this page shows the vendor's decision as soon as it "
                            + "learns it.");
            case UNKNOWN -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.WARNING,
                    registration.get().sending(state.now())
                            ? "Registration sent; waiting for the router's answer."
                            : "The router's answer to the registration was lost. The console looks the registration "
                                    + "up by its own reference, never sends it twice, and shows the outcome here.");
            case REJECTED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.DANGER,
                    "Rejected by the vendor: " + reason + " Correct what the vendor says, then register again below.");
            case SUSPENDED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.DANGER,
                    "Suspended by the vendor: " + reason + " Contact the vendor; this page shows when they lift it.");
            case DEREGISTERED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL,
                    "The district withdrew from the exchange. You may register again below.");
            case NOT_REGISTERED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL,
                    "Not registered: accept the Terms of Service below and register.");
        };
    }

    private Component router(RegistrationView.State state) {
        if (!state.reads().routerConfigured()) {
            return new Component.StatusBadge("Router", "Not configured", Tone.WARNING, Words.NOT_CONFIGURED);
        }
        RouterHealth health = state.reads().health();
        String lastContact = words.time(health.lastContact());
        String paused = state.routerPausedUntil().map(until -> " The console has paused calls to it until "
                + words.time(until) + ", after repeated failures.").orElse("");
        if (health.reachable() && paused.isEmpty()) {
            return new Component.StatusBadge("Router", health.lastContact() == null ? "Not contacted yet" : "Reachable",
                    health.lastContact() == null ? Tone.NEUTRAL : Tone.SUCCESS, "Last contact: " + lastContact + ".");
        }
        String since = health.unreachableSince() == null ? "" : "Router unreachable since "
                + words.time(health.unreachableSince()) + ". ";
        return new Component.StatusBadge("Router", "Unreachable", Tone.DANGER, since + "Last contact: " + lastContact
                + ". " + health.lastError() + paused);
    }
}
