package org.example.conformance.probe;

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

/** A menu entry for the probe's panel, made with a constructor that takes nothing. */
@Extension
public class ProbeMenu implements MenuContribution {

    public ProbeMenu() {
        ProbePlugin.current().record("constructed", "none");
        ProbePlugin.current().record("loader:menu-constructor", ProbePlugin.ownLoader());
    }

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry(ProbeRights.PANEL, List.of("Conformance"), "Conformance probe", 1,
                Permission.read(ProbeRights.RIGHT), ProbeRights.PANEL));
    }
}
