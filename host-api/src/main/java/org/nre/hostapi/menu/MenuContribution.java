package org.nre.hostapi.menu;

import java.util.List;
import org.pf4j.ExtensionPoint;

/** Extension point: the menu entries a plugin adds to the console. */
public interface MenuContribution extends ExtensionPoint {

    /**
     * The entries this plugin adds; the host reads them once when the plugin starts.
     *
     * @return the entries, each with an id unique across all plugins
     */
    List<MenuEntry> menuEntries();
}
