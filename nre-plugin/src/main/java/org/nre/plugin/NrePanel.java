package org.nre.plugin;

import java.util.List;
import java.util.Optional;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.Level;
import org.nre.plugin.panel.RegistrationView;
import org.nre.plugin.registration.Registration;
import org.pf4j.Extension;

/** The panel "National Records Exchange - Registration &amp; Router Status". */
@Extension
public class NrePanel implements SettingsPanel {

    static final String TITLE = "National Records Exchange - Registration & Router Status";

    private static final PanelDefinition DEFINITION = new PanelDefinition(NreTool.PANEL_ID, TITLE, NreTool.RIGHT_ID,
            List.of(PanelAction.of(RegistrationView.REGISTER, "Register with the National Records Exchange",
                    Level.WRITE)));

    private final NrePlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose storage the panel reads
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
        PluginContext context = plugin.context();
        Optional<District> district = context.district().current();
        Optional<Registration> registration = district.flatMap(d -> plugin.registrations().find(d.id()));
        return new RegistrationView(context.host().timeZone()).view(registration, district.isPresent());
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        if (!RegistrationView.REGISTER.equals(action)) {
            return ActionResult.conflict("The panel has no action '" + action + "'.");
        }
        if (!input.checked(RegistrationView.ACCEPT_TERMS)) {
            return ActionResult.invalid("Registration needs the Terms of Service accepted.",
                    new FieldError(RegistrationView.ACCEPT_TERMS,
                            "Tick \"I have read and agree to the Terms of Service\" before registering."));
        }
        if (plugin.context().district().current().isEmpty()) {
            return ActionResult.conflict("This console has no school district set up, so it cannot register. "
                    + "Ask the console administrator to set up the district.");
        }
        return ActionResult.unavailable("Registering with the National Records Exchange is not available in this "
                + "version of the plugin yet: nothing was sent to the router and nothing was stored.");
    }
}
