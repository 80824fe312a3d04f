package org.nre.plugin;

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

/** System Settings &gt; Data Interchange Administration &gt; National Records Exchange (and its settings). */
@Extension
public class NreMenu implements MenuContribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(
                new MenuEntry(NreTool.MENU_ID, NreTool.PATH, NreTool.LABEL, 100,
                        Permission.read(NreTool.RIGHT_ID), NreTool.PANEL_ID),
                new MenuEntry(NreTool.SETTINGS_MENU_ID, NreTool.PATH, NreTool.SETTINGS_LABEL, 110,
                        Permission.read(NreTool.SETTINGS_RIGHT_ID), NreTool.SETTINGS_PANEL_ID));
    }
}
