package org.example.conformance.probe;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** The right that guards the probe's panel, made with a constructor that takes the plugin's context. */
@Extension
public class ProbeRights implements RightContribution {

    static final String RIGHT = "conformance-probe.use";
    static final String PANEL = "conformance-probe";

    public ProbeRights(PluginContext context) {
        ProbePlugin.current().record("constructed", "context");
        ProbePlugin.current().record("context:plugin-id", context.pluginId());
        ProbePlugin.current().record("loader:right-constructor", ProbePlugin.ownLoader());
    }

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition(RIGHT, "Conformance probe", List.of("Conformance"),
                "R: see the probe. W: run its check.", EnumSet.of(Level.READ, Level.WRITE), "", false));
    }
}
