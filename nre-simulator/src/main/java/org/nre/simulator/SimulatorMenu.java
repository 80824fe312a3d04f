package org.nre.simulator;

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

/** System Settings &gt; Data Interchange Administration &gt; Vendor's side (simulated router). */
@Extension
public class SimulatorMenu implements MenuContribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(SimulatorTool.MENU_ID, SimulatorTool.PATH, SimulatorTool.LABEL,
                SimulatorTool.MENU_ORDER, Permission.read(SimulatorTool.RIGHT_ID), SimulatorTool.PANEL_ID));
    }
}
