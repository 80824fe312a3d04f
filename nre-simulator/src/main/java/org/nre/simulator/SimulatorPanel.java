package org.nre.simulator;

import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.simulator.vendor.VendorDesk;
import org.pf4j.Extension;

/** The panel "Simulated Router - Vendor's Side", where a console user plays the vendor. */
@Extension
public class SimulatorPanel implements SettingsPanel {

    private static final PanelDefinition DEFINITION = new PanelDefinition(SimulatorTool.PANEL_ID,
            SimulatorTool.TITLE, SimulatorTool.RIGHT_ID, VendorDesk.actions());

    private final SimulatorPlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose registry the panel shows
     */
    public SimulatorPanel(SimulatorPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public PanelDefinition definition() {
        return DEFINITION;
    }

    @Override
    public PanelView view(PanelRequest request) {
        return plugin.parts().desk().view();
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        return plugin.parts().desk().act(action, input, request.user());
    }
}
