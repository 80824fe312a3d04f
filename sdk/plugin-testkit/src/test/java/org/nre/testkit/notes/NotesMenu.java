package org.nre.testkit.notes;

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

@Extension
public class NotesMenu implements MenuContribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("notes", List.of("Tools"), "Notes", 1, Permission.read("notes.use"), "notes"));
    }
}
