package org.nre.hostkit.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.audit.AuditActions;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects what the started plugins contribute (rights, panels, menu entries, names of audit actions) and checks each: an id another
 * plugin owns, a panel guarded by a right nobody defines, a menu entry for a panel its plugin lacks, or a plugin
 * that adds nothing (no extension point of the console's or of another plugin's API) is reported against the
 * plugin.
 */
final class ContributionCollector {

    private static final Logger LOG = LoggerFactory.getLogger(ContributionCollector.class);

    private final HostPluginManager manager;
    private final Problems problems;
    private final Claims claims;

    ContributionCollector(HostPluginManager manager, Problems problems, Claims claims) {
        this.manager = manager;
        this.problems = problems;
        this.claims = claims;
    }

    /** What the started plugins contribute, each contribution checked; what does not fit is reported. */
    Contributions collect() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort(Comparator.comparing(PluginWrapper::getPluginId));
        // Each plugin is asked once what it offers: a failure to answer is reported once, and claims and checks
        // below look at the same answers.
        List<Offer> offers = started.stream().map(this::offer).toList();

        Set<String> installed = new HashSet<>();
        manager.getPlugins().forEach(plugin -> installed.add(plugin.getPluginId()));
        claimOwnIds(offers, installed);
        Map<String, Contributions.Right> rights = new LinkedHashMap<>();
        for (Offer offer : offers) {
            PluginWrapper plugin = offer.plugin();
            for (RightDefinition right : offer.rights()) {
                String taken = claimedByAnother(Claims.Kind.RIGHT, right.id(), plugin, installed);
                if (taken != null || rights.containsKey(right.id())) {
                    refuse(plugin, "Its right '" + right.id() + "' was left out: " + (taken != null ? taken
                            : "it defines that id twice"));
                } else {
                    rights.put(right.id(), new Contributions.Right(plugin.getPluginId(), right));
                }
            }
        }

        Map<String, Contributions.Panel> panels = new LinkedHashMap<>();
        for (Offer offer : offers) {
            PluginWrapper plugin = offer.plugin();
            for (OfferedPanel panel : offer.panels()) {
                PanelDefinition definition = panel.definition();
                String problem = claimedByAnother(Claims.Kind.PANEL, definition.id(), plugin, installed);
                problem = problem != null ? problem : ContributionRules.panelProblem(definition, rights, panels);
                if (problem != null) {
                    refuse(plugin, "Its panel '" + definition.id() + "' was left out: " + problem);
                    continue;
                }
                panels.put(definition.id(), new Contributions.Panel(plugin.getPluginId(), definition, panel.panel(),
                        manager.calls(plugin.getPluginId())));
            }
        }

        List<Contributions.Menu> menu = new ArrayList<>();
        Set<String> menuIds = new HashSet<>();
        for (Offer offer : offers) {
            PluginWrapper plugin = offer.plugin();
            for (MenuEntry entry : offer.menu()) {
                String problem = claimedByAnother(Claims.Kind.MENU, entry.id(), plugin, installed);
                problem = problem != null ? problem : ContributionRules.menuProblem(plugin.getPluginId(), entry, rights, panels,
                        menuIds);
                if (problem != null) {
                    refuse(plugin, "Its menu entry '" + entry.id() + "' was left out: " + problem);
                    continue;
                }
                menuIds.add(entry.id());
                menu.add(new Contributions.Menu(plugin.getPluginId(), entry));
            }
        }

        for (PluginWrapper plugin : started) {
            if (!offersAnything(plugin, started)) {
                refuse(plugin, "It implements none of the console's extension points (menu entry, tool right, "
                        + "settings panel) nor one another plugin exports, and no plugin depends on it, so it adds "
                        + "nothing. Check that its extensions implement them and that its build writes "
                        + "META-INF/extensions.idx.");
            }
        }
        Map<String, List<AuditAction>> auditActions = new LinkedHashMap<>();
        for (Offer offer : offers) {
            if (!offer.auditActions().isEmpty()) {
                auditActions.put(offer.plugin().getPluginId(), offer.auditActions());
            }
        }
        return new Contributions(menu, rights, panels, auditActions);
    }

    /**
     * Whether the plugin adds something: an extension of an extension point it does not define itself (the host
     * API's, or one a plugin it depends on exports), or a plugin that depends on it and may look up its own.
     */
    private boolean offersAnything(PluginWrapper plugin, List<PluginWrapper> started) {
        String id = plugin.getPluginId();
        if (started.stream().anyMatch(other -> other.getDescriptor().getDependencies().stream()
                .anyMatch(dependency -> dependency.getPluginId().equals(id)))) {
            return true;
        }
        ClassLoader own = plugin.getPluginClassLoader();
        for (String name : manager.getExtensionClassNames(id)) {
            try {
                if (implementsForeignPoint(own.loadClass(name), own)) {
                    return true;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // Reported by the extension finder already; it offers nothing through this class.
            }
        }
        return false;
    }

    private static boolean implementsForeignPoint(Class<?> type, ClassLoader own) {
        for (Class<?> point : type.getInterfaces()) {
            if (org.pf4j.ExtensionPoint.class.isAssignableFrom(point) && point != org.pf4j.ExtensionPoint.class
                    && (point.getClassLoader() != own || implementsForeignPoint(point, own))) {
                return true;
            }
        }
        return type.getSuperclass() != null && implementsForeignPoint(type.getSuperclass(), own);
    }

    /** A settings panel and the definition it gave. */
    private record OfferedPanel(SettingsPanel panel, PanelDefinition definition) {
    }

    /** What one started plugin offers, as it answered when asked. */
    private record Offer(PluginWrapper plugin, List<RightDefinition> rights, List<OfferedPanel> panels,
                         List<MenuEntry> menu, List<AuditAction> auditActions) {
    }

    private Offer offer(PluginWrapper plugin) {
        List<RightDefinition> rights = new ArrayList<>();
        for (RightContribution contribution : extensions(plugin, RightContribution.class)) {
            List<RightDefinition> defined = guarded(plugin, "listing its rights", contribution::rights);
            rights.addAll(defined == null ? List.of() : defined);
        }
        List<OfferedPanel> panels = new ArrayList<>();
        for (SettingsPanel panel : extensions(plugin, SettingsPanel.class)) {
            PanelDefinition definition = guarded(plugin, "describing a panel", panel::definition);
            if (definition != null) {
                panels.add(new OfferedPanel(panel, definition));
            }
        }
        List<MenuEntry> menu = new ArrayList<>();
        for (MenuContribution contribution : extensions(plugin, MenuContribution.class)) {
            List<MenuEntry> entries = guarded(plugin, "listing its menu entries", contribution::menuEntries);
            menu.addAll(entries == null ? List.of() : entries);
        }
        List<AuditAction> auditActions = new ArrayList<>();
        for (AuditActions contribution : extensions(plugin, AuditActions.class)) {
            List<AuditAction> named = guarded(plugin, "naming its audit actions", contribution::auditActions);
            auditActions.addAll(named == null ? List.of() : named);
        }
        return new Offer(plugin, rights, panels, menu, auditActions);
    }

    /**
     * Gives each plugin the ids in its own namespace (its id, or its id and a dot or hyphen) before anything else is
     * claimed, so that a plugin whose name sorts first cannot take "nre.registration" from "nre" when both are
     * installed at once.
     */
    private void claimOwnIds(List<Offer> offers, Set<String> installed) {
        for (Offer offer : offers) {
            String own = offer.plugin().getPluginId();
            for (RightDefinition right : offer.rights()) {
                claimIfOwn(Claims.Kind.RIGHT, right.id(), own, installed);
            }
            for (OfferedPanel panel : offer.panels()) {
                claimIfOwn(Claims.Kind.PANEL, panel.definition().id(), own, installed);
            }
        }
    }

    private void claimIfOwn(Claims.Kind kind, String id, String own, Set<String> installed) {
        if (id.equals(own) || id.startsWith(own + ".") || id.startsWith(own + "-")) {
            claims.claim(kind, id, own, installed);
        }
    }

    /** Why the id is not the plugin's to use, naming the plugin that owns it; null when it is the plugin's. */
    private String claimedByAnother(Claims.Kind kind, String id, PluginWrapper plugin, Set<String> installed) {
        Claims.Claim owner = claims.claim(kind, id, plugin.getPluginId(), installed);
        if (owner.pluginId().equals(plugin.getPluginId())) {
            return null;
        }
        String since = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.format(owner.since()
                .atZone(java.time.ZoneOffset.UTC));
        return "plugin '" + owner.pluginId() + "' has contributed a " + kind.word + " with that id since " + since
                + ", and keeps it" + (kind == Claims.Kind.RIGHT ? " (with the grants on it)" : "") + ". Plugin '"
                + plugin.getPluginId() + "' must use another id; ask its provider, or remove plugin '"
                + owner.pluginId() + "' if it is to take its place";
    }

    private <T> List<T> extensions(PluginWrapper plugin, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Class<? extends T> extensionClass : manager.getExtensionClasses(type, plugin.getPluginId())) {
            T extension = guarded(plugin, "creating extension " + extensionClass.getName(),
                    () -> manager.getExtensionFactory().create(extensionClass));
            if (extension != null) {
                found.add(extension);
            }
        }
        return found;
    }

    private <T> T guarded(PluginWrapper plugin, String what, java.util.function.Supplier<T> work) {
        try {
            return manager.calls(plugin.getPluginId()).call(what, work);
        } catch (PluginFailure e) {
            problems.add(plugin.getPluginId(), e.getMessage());
            return null;
        }
    }

    private void refuse(PluginWrapper plugin, String message) {
        LOG.warn("Plugin '{}': {}", plugin.getPluginId(), message);
        problems.add(plugin.getPluginId(), message);
    }
}
