package org.nre.plugin.panel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.Words;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;

/** The Terms of Service to accept (with what changed since the version accepted before), and those accepted. */
final class TermsSections {

    private final Words words;

    TermsSections(Words words) {
        this.words = words;
    }

    /** The current terms with the box to tick and the button that registers or accepts them. */
    Section form(RegistrationView.State state, String action) {
        if (state.terms().isEmpty()) {
            return Section.of("Terms of Service", new Component.Notice(Tone.INFO, state.reads().routerConfigured()
                    ? "The vendor's Terms of Service have not been fetched from the router yet. Press \"Check status "
                            + "now\" or wait a moment; registering needs them."
                    : "The vendor's Terms of Service come from the router, which is not configured yet."));
        }
        Terms terms = state.terms().get();
        List<Component> components = new ArrayList<>();
        components.add(new Component.LongText("Terms of Service version " + terms.version(),
                "Effective " + Words.day(terms.effectiveDate()), terms.text()));
        acceptedBefore(state, terms, action).ifPresent(before -> {
            Terms text = state.reads().acceptedTexts().get(PanelCache.Reads.key(before.termsVersion(),
                    before.termsDigest()));
            if (text != null) {
                List<List<String>> rows = TermsDiff.between(text.text(), terms.text()).stream()
                        .map(c -> List.of(c.kind(), c.text())).toList();
                components.add(new Component.Table("What changed since version " + before.termsVersion()
                        + ", accepted by " + before.acceptedByName() + " at " + words.time(before.acceptedAt()),
                        List.of("Change", "Paragraph"), rows, "Only the layout changed; the words are the same."));
            }
        });
        components.add(new Component.Checkbox(Lifecycle.ACCEPT_TERMS, "I have read and agree to the Terms of Service",
                false));
        components.add(new Component.Hidden(Lifecycle.SEEN_TERMS, terms.version()));
        String disabled;
        if (RegistrationView.REGISTER.equals(action)) {
            state.district().ifPresent(d -> components.add(new Component.Hidden(Lifecycle.SEEN_LOCALITY,
                    Locality.of(d).digest())));
            disabled = state.district().isEmpty() ? "The console has no school district set up."
                    : state.availability().toSend(words);
        } else {
            disabled = ""; // an acceptance is recorded at once and sent when the router answers
        }
        components.add(new Component.Button(action, true, disabled));
        return new Section("Terms of Service", components);
    }

    /** Every acceptance of the terms, and the text of every version accepted. */
    Section accepted(RegistrationView.State state) {
        List<List<String>> rows = new ArrayList<>();
        for (TermsAcceptance a : state.reads().acceptances()) {
            Terms text = state.reads().acceptedTexts().get(PanelCache.Reads.key(a.termsVersion(), a.termsDigest()));
            rows.add(List.of(a.termsVersion(), text == null ? "" : Words.day(text.effectiveDate()), a.acceptedByName(),
                    words.time(a.acceptedAt()), a.remoteAddress(), sent(state, a), shortDigest(a.termsDigest())));
        }
        List<Component> components = new ArrayList<>();
        components.add(new Component.Table("Every acceptance, newest first (each version's full digest is under its "
                + "text below)", List.of("Version", "Effective", "Accepted by", "When", "From", "Sent to the router",
                "Digest"), rows, "No terms accepted yet."));
        Set<String> shown = new HashSet<>();
        for (TermsAcceptance a : state.reads().acceptances()) {
            String key = PanelCache.Reads.key(a.termsVersion(), a.termsDigest());
            Terms text = state.reads().acceptedTexts().get(key);
            if (text != null && shown.add(key)) {
                components.add(new Component.LongText("Version " + a.termsVersion() + " as accepted",
                        "Effective " + Words.day(text.effectiveDate()) + "; digest " + a.termsDigest(), text.text()));
            }
        }
        return new Section("Terms you accepted", components);
    }

    /** The digest's start and end, enough to tell versions apart in a table: {@code sha256:445d229a…3b590ebc}. */
    private static String shortDigest(String digest) {
        int hex = digest.indexOf(':') + 1;
        return digest.length() - hex <= 20 ? digest
                : digest.substring(0, hex + 8) + "\u2026" + digest.substring(digest.length() - 8);
    }

    private String sent(RegistrationView.State state, TermsAcceptance a) {
        if (a.refused()) {
            return "Refused: " + a.refusedReason();
        }
        if (a.sent()) {
            return "Yes, " + words.time(a.sentAt());
        }
        boolean registered = state.reads().current().map(Registration::id).filter(id -> id.equals(a.registrationId()))
                .isPresent() || state.reads().past().stream().anyMatch(r -> r.id().equals(a.registrationId()));
        return registered ? "Not yet" : "Never: the registration it came with did not reach the router";
    }

    /**
     * The acceptance the terms shown are compared with: the newest one the router did not refuse (for the
     * registration, when accepting updated terms); none when that one is of these very terms.
     */
    private static Optional<TermsAcceptance> acceptedBefore(RegistrationView.State state, Terms terms, String action) {
        Optional<String> registration = RegistrationView.ACCEPT_TERMS.equals(action)
                ? state.reads().current().map(Registration::id) : Optional.empty();
        return state.reads().acceptances().stream()
                .filter(a -> !a.refused())
                .filter(a -> registration.map(id -> id.equals(a.registrationId())).orElse(true))
                .findFirst()
                .filter(a -> !(a.termsVersion().equals(terms.version()) && a.termsDigest().equals(terms.digest())));
    }
}
