package org.nre.plugin.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.locality.SentLocality;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.Words;

/**
 * The locality, to review before it is sent: every city and ZIP code with its students and share, which of them
 * the 1% rule leaves out, and what the router was last sent.
 */
final class LocalitySection {

    private final Words words;

    LocalitySection(Words words) {
        this.words = words;
    }

    Section section(RegistrationView.State state, District district) {
        Locality locality = Locality.of(district);
        List<Component> components = new ArrayList<>();
        components.add(new Component.Paragraph("Other districts find this district in the exchange's district "
                + "locator by the cities and ZIP codes where its students live. The rule: a city or ZIP code is sent "
                + "only when more than " + Locality.CUT_OFF_PERCENT + "% of the district's " + locality.students()
                + " students live there (" + locality.threshold() + " students or more); the others are left out. "
                + "Only the names marked \"Sent\" travel to the router, never the counts."));
        components.add(table("Cities", "City", locality.cities(), locality));
        components.add(table("ZIP codes", "ZIP code", locality.postalCodes(), locality));
        components.add(new Component.LabelledValue("Sent to the exchange", locality.describe()));
        Optional<Registration> held = state.reads().current().filter(r -> r.localitySentAt() != null);
        if (held.isPresent()) {
            SentLocality last = SentLocality.parse(held.get().localitySent());
            components.add(new Component.LabelledValue("Last sent", words.time(held.get().localitySentAt()) + ": "
                    + describe(last)));
            if (!last.sameAs(locality) && held.get().followed()) {
                components.add(new Component.Notice(Tone.WARNING, "The district's locality has changed since it was "
                        + "last sent. Review it above and press \"Resend locality\" so that other districts find the "
                        + "district where its students live now."));
            }
        }
        if (state.reads().current().filter(Registration::followed).isPresent()) {
            components.add(new Component.Hidden(Lifecycle.SEEN_LOCALITY, locality.digest()));
            components.add(new Component.Button(RegistrationView.RESEND_LOCALITY, false,
                    state.availability().toSend(words)));
        }
        return new Section("Locality", components);
    }

    private static Component table(String caption, String column, List<Locality.Place> places, Locality locality) {
        List<List<String>> rows = new ArrayList<>();
        for (Locality.Place place : places) {
            rows.add(List.of(place.name(), String.valueOf(place.students()), locality.share(place),
                    place.sent() ? "Sent" : "Left out (" + Locality.CUT_OFF_PERCENT + "% or fewer)"));
        }
        return new Component.Table(caption, List.of(column, "Students", "Share", "Sent?"), rows,
                "The district has no students' census addresses.");
    }

    private static String describe(SentLocality sent) {
        return "cities " + (sent.cities().isEmpty() ? "(none)" : String.join(", ", sent.cities()))
                + "; ZIP codes " + (sent.postalCodes().isEmpty() ? "(none)" : String.join(", ", sent.postalCodes()));
    }
}
