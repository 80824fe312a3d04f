package org.nre.hostapi.menu;

import java.util.List;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.rights.Permission;

/**
 * One entry in the console's menu tree, opening a panel of the same plugin.
 *
 * @param id a unique id such as {@code nre}
 * @param path the menu folders that hold the entry, outermost first, such as
 *     {@code System Settings / Data Interchange Administration}
 * @param label the entry's text, such as "National Records Exchange"
 * @param order where the entry sorts among its siblings, lower first; ties sort by label
 * @param required the right and level a user needs to see the entry
 * @param panelId the id of the panel the entry opens, as in
 *     {@link org.nre.hostapi.panel.PanelDefinition#id()}
 */
public record MenuEntry(String id, List<String> path, String label, int order, Permission required,
                        String panelId) {

    /** Checks and copies the fields. */
    public MenuEntry {
        Fields.requireId(id, "id");
        path = Fields.copyOfTexts(path, "path");
        if (path.isEmpty()) {
            throw new HostApiException("Field 'path' of menu entry '" + id + "' needs at least one folder");
        }
        Fields.requireText(label, "label");
        if (required == null) {
            throw new HostApiException("Field 'required' of menu entry '" + id
                    + "' cannot be null: every entry names the right that shows it");
        }
        Fields.requireId(panelId, "panelId");
    }
}
