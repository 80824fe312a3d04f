package org.nre.plugin.panel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.registration.Registration;

/** Builds the panel "National Records Exchange - Registration &amp; Router Status" in the tool's words. */
public final class RegistrationView {

    /** The checkbox that accepts the Terms of Service. */
    public static final String ACCEPT_TERMS = "accept-terms";
    /** The action that registers the district. */
    public static final String REGISTER = "register";

    static final DateTimeFormatter REGISTERED_AT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm");

    private final ZoneId timeZone;

    /**
     * Creates a view builder that shows times in the console's time zone.
     *
     * @param timeZone the console's time zone
     */
    public RegistrationView(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    /**
     * The panel for a district with or without a stored registration.
     *
     * @param registration the district's registration, or empty when it has none
     * @param districtConfigured whether the console has a district set up
     * @return the view
     */
    public PanelView view(Optional<Registration> registration, boolean districtConfigured) {
        List<Section> sections = new ArrayList<>();
        sections.add(status(registration));
        if (!districtConfigured) {
            sections.add(Section.of("", new Component.Notice(Tone.WARNING,
                    "This console has no school district set up, so it cannot register. "
                            + "Ask the console administrator to set up the district.")));
        }
        if (registration.isEmpty()) {
            sections.add(terms());
        }
        return new PanelView(sections, 0);
    }

    private Section status(Optional<Registration> registration) {
        if (registration.isEmpty()) {
            return Section.of("Registration & Router Status",
                    new Component.LabelledValue("Exchange Registration", "Not Registered"),
                    new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL, ""));
        }
        Registration r = registration.get();
        return Section.of("Registration & Router Status",
                new Component.LabelledValue("Exchange Registration",
                        "Registered from: " + r.sourceAddress() + ", Application Name: " + r.applicationName()),
                new Component.LabelledValue("Registered By",
                        r.registeredByName() + " at " + REGISTERED_AT.format(r.registeredAt().atZone(timeZone))),
                new Component.StatusBadge("Exchange Status", r.state().exchangeActive() ? "Active" : "Inactive",
                        r.state().exchangeActive() ? Tone.SUCCESS : Tone.WARNING, r.stateReason()));
    }

    private static Section terms() {
        return Section.of("Terms of Service",
                new Component.Paragraph("The vendor's Terms of Service govern the exchange of student records "
                        + "through the National Records Exchange. Read them and accept them before registering."),
                new Component.Checkbox(ACCEPT_TERMS, "I have read and agree to the Terms of Service", false),
                new Component.Button(REGISTER, true));
    }
}
