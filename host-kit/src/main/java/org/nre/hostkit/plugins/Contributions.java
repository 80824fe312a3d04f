package org.nre.hostkit.plugins;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.RightDefinition;

/**
 * What the started plugins contribute, checked and fixed at one moment: an immutable snapshot that
 * requests read without locks, replaced as a whole when plugins start or stop. The audit actions each plugin
 * names are by plugin id: they name that plugin's own entries only.
 */
public record Contributions(List<Menu> menuEntries, Map<String, Right> rights, Map<String, Panel> panels,
                            Map<String, List<AuditAction>> auditActions) {

    /** A menu entry and the plugin that contributed it. */
    public record Menu(String pluginId, MenuEntry entry) {
    }

    /** A right and the plugin that defined it. */
    public record Right(String pluginId, RightDefinition definition) {
    }

    /** A panel, its definition as read at start, and the way to call it. */
    public record Panel(String pluginId, PanelDefinition definition, SettingsPanel panel, PluginCalls calls) {
    }

    public Contributions {
        menuEntries = List.copyOf(menuEntries);
        rights = Map.copyOf(rights);
        panels = Map.copyOf(panels);
        auditActions = Map.copyOf(auditActions);
    }

    /** Contributions of plugins that name no audit actions. */
    public Contributions(List<Menu> menuEntries, Map<String, Right> rights, Map<String, Panel> panels) {
        this(menuEntries, rights, panels, Map.of());
    }

    public static Contributions none() {
        return new Contributions(List.of(), Map.of(), Map.of());
    }

    public Optional<Panel> panel(String id) {
        return Optional.ofNullable(panels.get(id));
    }

    public Optional<Right> right(String id) {
        return Optional.ofNullable(rights.get(id));
    }

    public Collection<Right> allRights() {
        return rights.values();
    }
}
