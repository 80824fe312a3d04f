package org.example.conformance.probe;

import java.util.List;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.Level;
import org.pf4j.Extension;

/** The probe's panel, made with a constructor that takes the plugin's own class. */
@Extension
public class ProbePanel implements SettingsPanel {

    private final ProbePlugin plugin;

    public ProbePanel(ProbePlugin plugin) {
        this.plugin = plugin;
        plugin.record("constructed", "plugin");
        plugin.record("plugin:instance", plugin == ProbePlugin.current() ? "started" : "another");
        plugin.record("loader:panel-constructor", ProbePlugin.ownLoader());
    }

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition(ProbeRights.PANEL, "Conformance probe", ProbeRights.RIGHT,
                List.of(PanelAction.of("check", "Check", Level.WRITE)));
    }

    @Override
    public PanelView view(PanelRequest request) {
        plugin.record("loader:view", ProbePlugin.ownLoader());
        boolean set = plugin.context().secrets().isSet("token");
        return PanelView.of(Section.of("Probe", new Component.SecretInput("token", "Token", set, "Write-only"),
                new Component.Button("check", true)));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        plugin.record("loader:act", ProbePlugin.ownLoader());
        return ActionResult.success("Checked.");
    }
}
