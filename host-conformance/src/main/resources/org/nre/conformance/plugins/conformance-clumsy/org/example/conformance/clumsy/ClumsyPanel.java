package org.example.conformance.clumsy;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** A panel that throws whenever it is shown or asked to act. */
@Extension
public class ClumsyPanel implements RightContribution, SettingsPanel {

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition("conformance-clumsy.use", "Conformance clumsy", List.of("Conformance"),
                "", EnumSet.of(Level.READ, Level.WRITE), "", false));
    }

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition("conformance-clumsy", "Conformance clumsy", "conformance-clumsy.use",
                List.of(PanelAction.of("go", "Go", Level.WRITE)));
    }

    @Override
    public PanelView view(PanelRequest request) {
        throw new IllegalStateException("conformance: thrown on view");
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        throw new UnsupportedOperationException("conformance: thrown on act");
    }
}
