package org.nre.testkit.notes;

import java.util.List;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.SettingsPanel;

/** A panel guarded by a right nobody defines (not indexed: a test names it). */
public class StrayPanel implements SettingsPanel {

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition("notes-stray", "Stray", "nobody.right", List.of());
    }

    @Override
    public PanelView view(PanelRequest request) {
        return PanelView.of();
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        return ActionResult.success("Done.");
    }
}
