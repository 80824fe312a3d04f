package org.nre.plugin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.Level;
import org.nre.plugin.panel.PanelCache;
import org.nre.plugin.panel.RegistrationView;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;
import org.pf4j.Extension;

/** The panel "National Records Exchange - Registration &amp; Router Status". */
@Extension
public class NrePanel implements SettingsPanel {

    static final String TITLE = "National Records Exchange - Registration & Router Status";
    static final int HISTORY_SHOWN = 25;

    private static final PanelDefinition DEFINITION = new PanelDefinition(NreTool.PANEL_ID, TITLE, NreTool.RIGHT_ID,
            List.of(PanelAction.of(RegistrationView.REGISTER, "Register with the National Records Exchange",
                            Level.WRITE),
                    PanelAction.of(RegistrationView.ACCEPT_TERMS, "Accept the updated Terms of Service", Level.WRITE),
                    PanelAction.of(RegistrationView.REFRESH, "Check status now", Level.WRITE),
                    PanelAction.of(RegistrationView.RESEND_LOCALITY, "Resend locality", Level.WRITE),
                    PanelAction.destructive(RegistrationView.DEREGISTER, "Deregister", Level.DELETE,
                            "Deregister the district from the National Records Exchange? Records can no longer be "
                                    + "exchanged until the district registers again and the vendor authorizes it.")));

    private final NrePlugin plugin;
    private volatile Built built;

    /** The view last built and what it was built from: shown again while none of it changed. */
    private record Built(PanelCache.Reads reads, Optional<District> district, Optional<Terms> terms,
                         Optional<Instant> paused, boolean sending, PanelView view) {
    }

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose parts the panel uses
     */
    public NrePanel(NrePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public PanelDefinition definition() {
        return DEFINITION;
    }

    @Override
    public PanelView view(PanelRequest request) {
        NrePlugin.Parts parts = plugin.parts();
        Optional<District> district = plugin.context().district().current();
        Optional<Terms> terms = parts.terms().current();
        PanelCache.Reads reads = parts.panelCache().reads(district, terms, () -> read(parts, district, terms));
        if (terms.isEmpty() && reads.routerConfigured()) {
            parts.poller().runSoon(); // fetch the terms now rather than at the poller's next turn
        }
        Optional<Instant> paused = parts.router().lastBuilt().flatMap(RouterClient::circuitOpenUntil);
        Instant now = plugin.context().clock().instant();
        boolean sending = reads.current().filter(r -> r.sending(now)).isPresent();
        Built last = built;
        // The same reads (the cache hands out one copy while nothing changed) make the same view.
        if (last != null && last.reads() == reads && last.district().equals(district) && last.terms().equals(terms)
                && last.paused().equals(paused) && last.sending() == sending) {
            return last.view();
        }
        PanelView view = new RegistrationView(parts.lifecycle().words()).view(new RegistrationView.State(district,
                terms, reads, paused, now, reads.pollInterval()));
        built = new Built(reads, district, terms, paused, sending, view);
        return view;
    }

    private static PanelCache.Reads read(NrePlugin.Parts parts, Optional<District> district, Optional<Terms> terms) {
        if (district.isEmpty()) {
            return new PanelCache.Reads(Optional.empty(), List.of(), List.of(), Map.of(), false,
                    parts.settings().configured(), parts.settings().pollInterval(), parts.health().read(), List.of());
        }
        String id = district.get().id();
        Optional<Registration> current = parts.registrations().current(id);
        List<TermsAcceptance> acceptances = parts.terms().store().acceptances(id);
        Map<String, Terms> texts = new LinkedHashMap<>();
        for (TermsAcceptance acceptance : acceptances) {
            String key = PanelCache.Reads.key(acceptance.termsVersion(), acceptance.termsDigest());
            if (!texts.containsKey(key)) {
                parts.terms().store().find(acceptance.termsVersion(), acceptance.termsDigest())
                        .ifPresent(text -> texts.put(key, text));
            }
        }
        boolean acceptedCurrent = current.isPresent() && terms.isPresent()
                && parts.lifecycle().acceptedCurrent(current.get(), terms.get());
        return new PanelCache.Reads(current, parts.registrations().past(id), acceptances, texts, acceptedCurrent,
                parts.settings().configured(), parts.settings().pollInterval(), parts.health().read(),
                parts.registrations().history(id, HISTORY_SHOWN));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        NrePlugin.Parts parts = plugin.parts();
        try {
            return act(parts.lifecycle(), action, input, request);
        } finally {
            // An action can accept terms, withdraw or register again: the notices follow at once.
            parts.notices().evaluate();
        }
    }

    private static ActionResult act(Lifecycle lifecycle, String action, ActionInput input, PanelRequest request) {
        String seenTerms = input.text(Lifecycle.SEEN_TERMS).orElse("");
        String seenLocality = input.text(Lifecycle.SEEN_LOCALITY).orElse("");
        return switch (action) {
            case RegistrationView.REGISTER -> lifecycle.register(request.user(), input.checked(Lifecycle.ACCEPT_TERMS),
                    seenTerms, seenLocality);
            case RegistrationView.ACCEPT_TERMS -> lifecycle.acceptUpdatedTerms(request.user(),
                    input.checked(Lifecycle.ACCEPT_TERMS), seenTerms);
            case RegistrationView.REFRESH -> lifecycle.refresh(request.user());
            case RegistrationView.RESEND_LOCALITY -> lifecycle.resendLocality(request.user(), seenLocality);
            case RegistrationView.DEREGISTER -> lifecycle.deregister(request.user());
            default -> ActionResult.conflict("The panel has no action '" + action + "'.");
        };
    }
}
