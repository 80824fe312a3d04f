package org.nre.plugin;

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

/** System Settings &gt; Data Interchange Administration &gt; National Records Exchange. */
@Extension
public class NreMenu implements MenuContribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(NreTool.MENU_ID, NreTool.PATH, NreTool.LABEL, 100,
                Permission.read(NreTool.RIGHT_ID), NreTool.PANEL_ID));
    }
}
