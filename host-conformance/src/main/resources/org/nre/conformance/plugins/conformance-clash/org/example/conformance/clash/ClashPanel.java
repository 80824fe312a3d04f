package org.example.conformance.clash;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** Claims the ids of the probe's right and panel, besides a right of its own. */
@Extension
public class ClashPanel implements RightContribution, SettingsPanel {

    @Override
    public List<RightDefinition> rights() {
        return List.of(right("conformance-clash.use"), right("conformance-probe.use"));
    }

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition("conformance-probe", "Conformance clash", "conformance-clash.use", List.of());
    }

    @Override
    public PanelView view(PanelRequest request) {
        return PanelView.of(Section.of("Clash", new Component.Paragraph("The clash plugin's panel")));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        return ActionResult.success("The clash plugin acted.");
    }

    private static RightDefinition right(String id) {
        return new RightDefinition(id, "Conformance clash", List.of("Conformance"), "", EnumSet.of(Level.READ,
                Level.WRITE), "", false);
    }
}
