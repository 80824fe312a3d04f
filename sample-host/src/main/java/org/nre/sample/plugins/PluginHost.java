package org.nre.sample.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostApi;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's plugins: loads the drop folder, starts what it can, collects and checks the
 * contributions of the started plugins, and reports every plugin's state and problems. A plugin that
 * fails in any way is reported and left out; the console and the other plugins go on.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** Builds the host's services for one plugin. */
    @FunctionalInterface
    public interface ContextFactory {
        PluginContext create(String pluginId, PluginCalls calls, Extensions extensions);
    }

    private final Path pluginsDir;
    private final Problems problems = new Problems();
    private final HostPluginManager manager;
    private final Extensions extensions;
    private volatile Contributions contributions = Contributions.none();

    public PluginHost(Path pluginsDir, ContextFactory contexts) {
        this.pluginsDir = pluginsDir;
        Extensions[] shared = new Extensions[1];
        this.manager = new HostPluginManager(pluginsDir, problems,
                (pluginId, calls) -> contexts.create(pluginId, calls, shared[0]));
        this.extensions = new PluginExtensions(manager);
        shared[0] = extensions;
    }

    /** What started plugins offer each other, as plugins see it. */
    public Extensions extensions() {
        return extensions;
    }

    /** Loads and starts every plugin in the drop folder, then logs one line per plugin. */
    public void start() {
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("No plugins folder at {}: the console runs without plugins. Pass --plugins <folder> or set "
                    + "NRE_PLUGINS_DIR.", pluginsDir);
            return;
        }
        manager.loadPlugins();
        manager.startPlugins();
        contributions = collect();
        for (PluginStatus status : statuses()) {
            String problemsText = status.problems().isEmpty() ? "" : " - " + String.join("; ", status.problems());
            if (status.started() && status.problems().isEmpty()) {
                LOG.info("Plugin {} {} {}", status.id(), status.version(), status.state());
            } else {
                LOG.warn("Plugin {} {} {}{}", status.id(), status.version(), status.state(), problemsText);
            }
        }
    }

    public Contributions contributions() {
        return contributions;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Every plugin the console knows of, loaded or refused, sorted by id. */
    public List<PluginStatus> statuses() {
        List<PluginStatus> statuses = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            PluginDescriptor descriptor = plugin.getDescriptor();
            known.add(plugin.getPluginId());
            List<String> messages = new ArrayList<>();
            describeFailure(plugin).ifPresentOrElse(messages::add, () -> { });
            messages.addAll(problems.of(plugin.getPluginId()));
            statuses.add(new PluginStatus(plugin.getPluginId(), orEmpty(descriptor.getVersion()),
                    orEmpty(descriptor.getProvider()), orEmpty(descriptor.getPluginDescription()),
                    orEmpty(descriptor.getRequires()), plugin.getPluginState().toString(), messages));
        }
        problems.all().forEach((key, messages) -> {
            if (!known.contains(key)) {
                statuses.add(new PluginStatus(key, "", "", "", "", PluginStatus.REFUSED, messages));
            }
        });
        statuses.sort(Comparator.comparing(PluginStatus::id));
        return statuses;
    }

    private java.util.Optional<String> describeFailure(PluginWrapper plugin) {
        Throwable failure = plugin.getFailedException();
        PluginState state = plugin.getPluginState();
        if (state == PluginState.DISABLED && failure != null) {
            return java.util.Optional.of("It requires host API " + plugin.getDescriptor().getRequires()
                    + " but this console offers " + HostApi.version()
                    + ": install a version of the plugin built for this console.");
        }
        if (failure != null) {
            return java.util.Optional.of("It failed to start: " + message(failure));
        }
        return java.util.Optional.empty();
    }

    private static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getName() : text;
    }

    private Contributions collect() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort(Comparator.comparing(PluginWrapper::getPluginId));

        Map<String, Contributions.Right> rights = new LinkedHashMap<>();
        for (PluginWrapper plugin : started) {
            for (RightContribution contribution : extensions(plugin, RightContribution.class)) {
                List<RightDefinition> defined = guarded(plugin, "listing its rights", contribution::rights);
                for (RightDefinition right : defined == null ? List.<RightDefinition>of() : defined) {
                    Contributions.Right existing = rights.get(right.id());
                    if (existing != null) {
                        refuse(plugin, "Its right '" + right.id() + "' was left out: plugin '" + existing.pluginId()
                                + "' already defines a right with that id");
                    } else {
                        rights.put(right.id(), new Contributions.Right(plugin.getPluginId(), right));
                    }
                }
            }
        }

        Map<String, Contributions.Panel> panels = new LinkedHashMap<>();
        for (PluginWrapper plugin : started) {
            for (SettingsPanel panel : extensions(plugin, SettingsPanel.class)) {
                PanelDefinition definition = guarded(plugin, "describing a panel", panel::definition);
                if (definition == null) {
                    continue;
                }
                String problem = panelProblem(definition, rights, panels);
                if (problem != null) {
                    refuse(plugin, "Its panel '" + definition.id() + "' was left out: " + problem);
                    continue;
                }
                panels.put(definition.id(), new Contributions.Panel(plugin.getPluginId(), definition, panel,
                        manager.calls(plugin.getPluginId())));
            }
        }

        List<Contributions.Menu> menu = new ArrayList<>();
        Set<String> menuIds = new HashSet<>();
        for (PluginWrapper plugin : started) {
            for (MenuContribution contribution : extensions(plugin, MenuContribution.class)) {
                List<MenuEntry> entries = guarded(plugin, "listing its menu entries", contribution::menuEntries);
                for (MenuEntry entry : entries == null ? List.<MenuEntry>of() : entries) {
                    String problem = menuProblem(plugin.getPluginId(), entry, rights, panels, menuIds);
                    if (problem != null) {
                        refuse(plugin, "Its menu entry '" + entry.id() + "' was left out: " + problem);
                        continue;
                    }
                    menuIds.add(entry.id());
                    menu.add(new Contributions.Menu(plugin.getPluginId(), entry));
                }
            }
        }

        for (PluginWrapper plugin : started) {
            if (manager.getExtensionClassNames(plugin.getPluginId()).isEmpty()) {
                refuse(plugin, "It implements none of the console's extension points (menu entry, tool right, "
                        + "settings panel), so it adds nothing. Check that its build writes META-INF/extensions.idx.");
            }
        }
        return new Contributions(menu, rights, panels);
    }

    private static String panelProblem(PanelDefinition definition, Map<String, Contributions.Right> rights,
                                       Map<String, Contributions.Panel> panels) {
        if (panels.containsKey(definition.id())) {
            return "plugin '" + panels.get(definition.id()).pluginId() + "' already has a panel with that id";
        }
        Contributions.Right right = rights.get(definition.rightId());
        if (right == null) {
            return "it is guarded by right '" + definition.rightId() + "', which no started plugin defines";
        }
        for (PanelAction action : definition.actions()) {
            if (!right.definition().offers(action.level())) {
                return "its action '" + action.name() + "' needs level " + action.level().letter() + " of right '"
                        + right.definition().id() + "', which that right does not offer";
            }
        }
        return null;
    }

    private static String menuProblem(String pluginId, MenuEntry entry, Map<String, Contributions.Right> rights,
                                      Map<String, Contributions.Panel> panels, Set<String> menuIds) {
        if (menuIds.contains(entry.id())) {
            return "another menu entry already has that id";
        }
        Contributions.Panel panel = panels.get(entry.panelId());
        if (panel == null || !panel.pluginId().equals(pluginId)) {
            return "it opens panel '" + entry.panelId() + "', which the plugin does not contribute";
        }
        Contributions.Right right = rights.get(entry.required().rightId());
        if (right == null || !right.definition().offers(entry.required().level())) {
            return "it needs " + entry.required() + ", which no started plugin offers";
        }
        return null;
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

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        contributions = Contributions.none();
        manager.stopPlugins();
        manager.unloadPlugins();
    }
}
