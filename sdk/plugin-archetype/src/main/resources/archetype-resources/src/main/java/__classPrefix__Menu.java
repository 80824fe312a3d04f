package ${package};

import java.util.List;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.rights.Permission;
import org.pf4j.Extension;

/** Tools &gt; ${toolName}, shown to whoever may read the notes. */
@Extension
public class ${classPrefix}Menu implements MenuContribution {

    @Override
    public List<MenuEntry> menuEntries() {
        return List.of(new MenuEntry("${pluginId}", List.of("Tools"), "${toolName}", 100,
                Permission.read(${classPrefix}Right.ID), ${classPrefix}Panel.ID));
    }
}
