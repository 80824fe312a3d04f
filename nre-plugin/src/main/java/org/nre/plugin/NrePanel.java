package org.nre.plugin;

import java.util.List;
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
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.terms.Terms;
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
                    new PanelAction(RegistrationView.DEREGISTER, "Deregister", Level.DELETE,
                            "Deregister the district from the National Records Exchange? Records can no longer be "
                                    + "exchanged until the district registers again and the vendor authorizes it.")));

    private final NrePlugin plugin;

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
        Optional<RegistrationStore.Shown> shown = reads.shown();
        boolean sending = shown.filter(s -> s.sending(plugin.context().clock().instant())).isPresent();
        return new RegistrationView(plugin.context().host().timeZone()).view(new RegistrationView.State(
                district, shown.map(RegistrationStore.Shown::registration), terms, reads.acceptedCurrentTerms(),
                sending, reads.routerConfigured(), reads.health(), reads.history()));
    }

    private static PanelCache.Reads read(NrePlugin.Parts parts, Optional<District> district, Optional<Terms> terms) {
        return new PanelCache.Reads(
                district.flatMap(d -> parts.registrations().shown(d.id())),
                district.isPresent() && terms.isPresent()
                        && parts.lifecycle().acceptedCurrent(district.get().id(), terms.get()),
                parts.settings().configured(),
                parts.health().read(),
                district.map(d -> parts.registrations().history(d.id(), HISTORY_SHOWN)).orElse(List.of()));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        Lifecycle lifecycle = plugin.parts().lifecycle();
        String seen = input.text(Lifecycle.SEEN_TERMS).orElse("");
        return switch (action) {
            case RegistrationView.REGISTER -> lifecycle.register(request.user(), input.checked(Lifecycle.ACCEPT_TERMS),
                    seen);
            case RegistrationView.ACCEPT_TERMS -> lifecycle.acceptUpdatedTerms(request.user(),
                    input.checked(Lifecycle.ACCEPT_TERMS), seen);
            case RegistrationView.REFRESH -> lifecycle.refresh(request.user());
            case RegistrationView.RESEND_LOCALITY -> lifecycle.resendLocality(request.user());
            case RegistrationView.DEREGISTER -> lifecycle.deregister(request.user());
            default -> ActionResult.conflict("The panel has no action '" + action + "'.");
        };
    }
}
