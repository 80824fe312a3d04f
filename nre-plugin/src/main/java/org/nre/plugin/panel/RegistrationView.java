package org.nre.plugin.panel;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.terms.Terms;

/** Builds the panel "National Records Exchange - Registration &amp; Router Status" in the tool's familiar words. */
public final class RegistrationView {

    public static final String REGISTER = "register";
    public static final String ACCEPT_TERMS = "accept-terms";
    public static final String REFRESH = "refresh";
    public static final String RESEND_LOCALITY = "resend-locality";
    public static final String DEREGISTER = "deregister";

    /** Seconds between the page's own updates while the state is about to change. */
    static final int REFRESH_WHILE_WAITING = 15;

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /**
     * What the panel shows.
     *
     * @param district the console's district, or empty
     * @param registration the district's registration, or empty when it never registered
     * @param terms the current terms, or empty when none were fetched yet
     * @param acceptedCurrentTerms whether the district accepted the current terms
     * @param sending whether a registration request is on its way
     * @param routerConfigured whether the router's address, key and secret are set
     * @param health the router's reachability
     * @param history the newest history first
     */
    public record State(Optional<District> district, Optional<Registration> registration, Optional<Terms> terms,
                        boolean acceptedCurrentTerms, boolean sending, boolean routerConfigured, RouterHealth health,
                        List<HistoryEntry> history) {
    }

    private final ZoneId timeZone;

    public RegistrationView(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    public PanelView view(State state) {
        List<Section> sections = new ArrayList<>();
        sections.add(status(state));
        if (state.district().isEmpty()) {
            sections.add(Section.of("", new Component.Notice(Tone.WARNING, "This console has no school district set "
                    + "up, so it cannot register. Ask the console administrator to set up the district.")));
        }
        RegistrationState current = state.registration().map(Registration::state).orElse(RegistrationState.NOT_REGISTERED);
        boolean registerable = current == RegistrationState.NOT_REGISTERED || current == RegistrationState.REJECTED
                || current == RegistrationState.DEREGISTERED;
        if (registerable) {
            sections.add(terms(state, REGISTER));
        } else if (termsUpdated(state)) {
            sections.add(terms(state, ACCEPT_TERMS));
        }
        state.district().ifPresent(d -> sections.add(locality(d)));
        sections.add(history(state.history()));
        boolean waiting = current == RegistrationState.UNKNOWN || current == RegistrationState.PENDING;
        return new PanelView(sections, waiting ? REFRESH_WHILE_WAITING : 0);
    }

    private Section status(State state) {
        List<Component> components = new ArrayList<>();
        Optional<Registration> registration = state.registration();
        RegistrationState current = registration.map(Registration::state).orElse(RegistrationState.NOT_REGISTERED);
        if (registration.isEmpty() || current == RegistrationState.NOT_REGISTERED) {
            components.add(new Component.LabelledValue("Exchange Registration", "Not Registered"));
        } else {
            Registration r = registration.get();
            String registered = "Registered from: " + r.sourceAddress() + ", Application Name: " + r.applicationName();
            components.add(new Component.LabelledValue("Exchange Registration",
                    current == RegistrationState.DEREGISTERED ? "Deregistered (was " + registered + ")" : registered));
            components.add(new Component.LabelledValue("Registered By",
                    r.registeredByName() + " at " + shown(r.registeredAt())));
        }
        components.add(exchangeStatus(current, registration.map(Registration::stateReason).orElse(""), state.sending()));
        components.add(router(state));
        if (termsUpdated(state)) {
            Terms terms = state.terms().orElseThrow();
            components.add(new Component.Notice(Tone.WARNING, "Terms updated - accept by "
                    + DAY.format(terms.effectiveDate()) + ". The vendor published version " + terms.version()
                    + " of the Terms of Service; accept it below to keep exchanging records."));
        }
        if (current == RegistrationState.PENDING || current == RegistrationState.ACTIVE
                || current == RegistrationState.SUSPENDED) {
            components.add(new Component.Button(RESEND_LOCALITY, false));
            components.add(new Component.Button(DEREGISTER, false));
        }
        if (state.routerConfigured()) {
            components.add(new Component.Button(REFRESH, false));
        }
        return new Section("Registration & Router Status", components);
    }

    private static Component exchangeStatus(RegistrationState state, String reason, boolean sending) {
        return switch (state) {
            case ACTIVE -> new Component.StatusBadge("Exchange Status", "Active", Tone.SUCCESS,
                    "Verified and authorized by the vendor: records can be exchanged.");
            case PENDING -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.WARNING,
                    "Pending verification: the vendor has yet to verify and authorize the district.");
            case UNKNOWN -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.WARNING, sending
                    ? "Registration sent; waiting for the router's answer."
                    : "The router's answer to the registration was lost; the console is looking it up.");
            case REJECTED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.DANGER,
                    "Rejected by the vendor: " + orNone(reason) + " You may register again.");
            case SUSPENDED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.DANGER,
                    "Suspended by the vendor: " + orNone(reason));
            case DEREGISTERED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL,
                    "The district withdrew from the exchange. You may register again.");
            case NOT_REGISTERED -> new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL, "");
        };
    }

    private Component router(State state) {
        if (!state.routerConfigured()) {
            return new Component.StatusBadge("Router", "Not configured", Tone.WARNING,
                    "A console administrator sets the router's address, the district key and the shared secret "
                            + "under National Records Exchange Settings.");
        }
        RouterHealth health = state.health();
        String lastContact = health.lastContact() == null ? "never" : shown(health.lastContact());
        if (health.reachable()) {
            return new Component.StatusBadge("Router", health.lastContact() == null ? "Not contacted yet" : "Reachable",
                    health.lastContact() == null ? Tone.NEUTRAL : Tone.SUCCESS, "Last contact: " + lastContact + ".");
        }
        return new Component.StatusBadge("Router", "Unreachable", Tone.DANGER, "Router unreachable since "
                + shown(health.unreachableSince()) + ". Last contact: " + lastContact + ". " + health.lastError());
    }

    private Section terms(State state, String action) {
        if (state.terms().isEmpty()) {
            return Section.of("Terms of Service", new Component.Notice(Tone.INFO, state.routerConfigured()
                    ? "The vendor's Terms of Service have not been fetched from the router yet. Press \"Check status "
                            + "now\" or reload in a moment; registering needs them."
                    : "The vendor's Terms of Service come from the router, which is not configured yet."));
        }
        Terms terms = state.terms().get();
        return Section.of("Terms of Service",
                new Component.LongText("Terms of Service version " + terms.version(),
                        "Effective " + DAY.format(terms.effectiveDate()), terms.text()),
                new Component.Checkbox(Lifecycle.ACCEPT_TERMS, "I have read and agree to the Terms of Service", false),
                new Component.Hidden(Lifecycle.SEEN_TERMS, terms.version()),
                new Component.Button(action, true));
    }

    private static Section locality(District district) {
        Locality locality = Locality.of(district);
        return Section.of("Locality",
                new Component.Paragraph("Other districts find this district in the exchange's district locator by "
                        + "the cities and ZIP codes where its students live. Cities and ZIP codes that cover 1% of "
                        + "the students or fewer are left out."),
                new Component.LabelledValue("Cities", locality.cities().isEmpty() ? "(none)"
                        : String.join(", ", locality.cities())),
                new Component.LabelledValue("ZIP codes", locality.postalCodes().isEmpty() ? "(none)"
                        : String.join(", ", locality.postalCodes())));
    }

    private Section history(List<HistoryEntry> history) {
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry entry : history) {
            rows.add(List.of(shown(entry.at()), entry.actorName(), entry.remoteAddress(), entry.detail()));
        }
        return new Section("History", List.of(new Component.Table("Who did what, when, from where",
                List.of("When", "Who", "From", "What"), rows, "Nothing has happened yet.")));
    }

    private static boolean termsUpdated(State state) {
        RegistrationState current = state.registration().map(Registration::state).orElse(RegistrationState.NOT_REGISTERED);
        return state.terms().isPresent() && !state.acceptedCurrentTerms()
                && (current == RegistrationState.ACTIVE || current == RegistrationState.PENDING
                || current == RegistrationState.SUSPENDED);
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(timeZone));
    }

    private static String orNone(String reason) {
        return reason == null || reason.isBlank() ? "no reason given." : reason;
    }
}
