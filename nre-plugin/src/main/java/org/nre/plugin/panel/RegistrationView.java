package org.nre.plugin.panel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.registration.Words;
import org.nre.plugin.terms.Terms;

/**
 * Builds the panel "National Records Exchange - Registration &amp; Router Status" in the tool's familiar words,
 * with the facts programs read beside them.
 */
public final class RegistrationView {

    public static final String REGISTER = "register";
    public static final String ACCEPT_TERMS = "accept-terms";
    public static final String REFRESH = "refresh";
    public static final String RESEND_LOCALITY = "resend-locality";
    public static final String DEREGISTER = "deregister";

    /**
     * Seconds between the page's own updates, in every state: the console answers "not changed" cheaply, so
     * that an open panel shows a vendor's decision within seconds of the status poll that learns it.
     */
    static final int LIVE_UPDATE_SECONDS = 5;

    /**
     * What the panel shows.
     *
     * @param district the console's district, or empty
     * @param terms the current terms, or empty when none were fetched yet
     * @param reads what was read from storage
     * @param routerPausedUntil until when this console has paused calls to the router, or empty
     * @param now the time now
     * @param pollInterval how often the console asks the router
     */
    public record State(Optional<District> district, Optional<Terms> terms, PanelCache.Reads reads,
                        Optional<Instant> routerPausedUntil, Instant now, Duration pollInterval) {

        RegistrationState registrationState() {
            return reads.current().map(Registration::state).orElse(RegistrationState.NOT_REGISTERED);
        }

        /** Whether the district may register now: it has no registration the router holds or is waiting for. */
        boolean registerable() {
            return reads.current().filter(Registration::live).isEmpty();
        }

        /** Whether newer terms await acceptance for the registration the router holds. */
        boolean termsToAccept() {
            return terms.isPresent() && !reads.acceptedCurrentTerms()
                    && reads.current().filter(Registration::followed).isPresent();
        }

        Availability availability() {
            return new Availability(reads.routerConfigured(), routerPausedUntil, reads.health());
        }
    }

    private final Words words;

    public RegistrationView(Words words) {
        this.words = words;
    }

    public PanelView view(State state) {
        List<Section> sections = new ArrayList<>();
        sections.add(new StatusSection(words).section(state));
        if (state.district().isEmpty()) {
            sections.add(Section.of("", new Component.Notice(Tone.WARNING, "This console has no school district set "
                    + "up, so it cannot register. Ask the console administrator to set up the district.")));
        }
        TermsSections terms = new TermsSections(words);
        if (state.registerable()) {
            sections.add(terms.form(state, REGISTER));
        } else if (state.termsToAccept()) {
            sections.add(terms.form(state, ACCEPT_TERMS));
        }
        if (!state.reads().acceptances().isEmpty()) {
            sections.add(terms.accepted(state));
        }
        state.district().ifPresent(d -> sections.add(new LocalitySection(words).section(state, d)));
        RecordSections records = new RecordSections(words);
        if (!state.reads().past().isEmpty()) {
            sections.add(records.past(state.reads().past()));
        }
        sections.add(records.history(state.reads().history()));
        return new PanelView(sections, LIVE_UPDATE_SECONDS, new PanelData(words).of(state));
    }
}
