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

    /** What a plugin can contribute to this console. */
    static final List<Class<? extends org.pf4j.ExtensionPoint>> OUR_EXTENSION_POINTS = List.of(MenuContribution.class,
            RightContribution.class, SettingsPanel.class, org.nre.hostapi.exchange.RecordsExchange.class);

    private final Path pluginsDir;
    private final List<Path> developmentPlugins;
    private final Problems problems = new Problems();
    private final HostPluginManager manager;
    private final Extensions extensions;
    private final java.util.function.Consumer<String> stopped;
    private final Claims claims;
    private volatile Contributions contributions = Contributions.none();

    /**
     * A host over a drop folder (deployment mode), or over plugin module folders (development mode).
     *
     * @param pluginsDir the drop folder
     * @param developmentPlugins plugin module folders to load from their build output instead, or none
     * @param states which plugins are disabled
     * @param contexts builds each plugin's services
     * @param stopped told the id of every plugin that stops, to release what the host holds for it
     * @param trust what zips must be to be loaded
     */
    public PluginHost(Path pluginsDir, List<Path> developmentPlugins, PluginStates states, ContextFactory contexts,
                      java.util.function.Consumer<String> stopped, PluginTrust trust) {
        this.pluginsDir = pluginsDir;
        this.developmentPlugins = List.copyOf(developmentPlugins);
        this.stopped = stopped;
        this.claims = states.claims();
        Extensions[] shared = new Extensions[1];
        this.manager = new HostPluginManager(pluginsDir, developmentPlugins, problems,
                (pluginId, calls) -> contexts.create(pluginId, calls, shared[0]), states, trust);
        this.extensions = new PluginExtensions(manager);
        shared[0] = extensions;
        manager.addPluginStateListener(event -> {
            if (event.getOldState() == PluginState.STARTED && event.getPluginState() != PluginState.STARTED) {
                stopped.accept(event.getPlugin().getPluginId());
            }
        });
    }

    /** What started plugins offer each other, as plugins see it. */
    public Extensions extensions() {
        return extensions;
    }

    /** Loads and starts every plugin in the drop folder, then logs one line per plugin. */
    public void start() {
        if (development()) {
            LOG.info("Development mode: loading plugins from their build output in {}", developmentPlugins);
        } else if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("No plugins folder at {}: the console runs without plugins. Pass --plugins <folder> or set "
                    + "NRE_PLUGINS_DIR.", pluginsDir);
            return;
        }
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            // Whatever PF4J could not resolve is reported; the console carries on with the rest.
            LOG.error("Plugins could not all be loaded: {}", e.getMessage());
            problems.add("plugins", "Plugins could not all be loaded: " + e.getMessage());
        }
        manager.startPlugins();
        contributions = collect();
        for (PluginStatus status : statuses()) {
            String problemsText = status.problems().isEmpty() ? "" : " - " + String.join("; ", status.problems());
            String name = status.version().isEmpty() ? status.id() : status.id() + " " + status.version();
            if (status.started() && status.problems().isEmpty()) {
                LOG.info("Plugin {} {}", name, status.state());
            } else {
                LOG.warn("Plugin {} {}{}", name, status.state(), problemsText);
            }
        }
    }

    public Contributions contributions() {
        return contributions;
    }

    /** Whether plugins are loaded from their modules' build output (and can be reloaded). */
    public boolean development() {
        return !developmentPlugins.isEmpty();
    }

    /** Disables a plugin: it stops, its menu entries, rights and panels go at once, and it stays off after restarts. */
    public synchronized String disable(String pluginId, String by) {
        PluginWrapper plugin = known(pluginId);
        if (plugin.getPluginState() == PluginState.DISABLED) {
            return "The plugin '" + pluginId + "' is already disabled.";
        }
        manager.as(by, () -> manager.disablePlugin(pluginId));
        contributions = collect();
        return "Disabled the plugin '" + pluginId + "': its menu entries, rights and panels are gone until it is "
                + "enabled again. The rights granted on it are kept.";
    }

    /** Enables and starts a plugin; its rights come back with the grants they had. */
    public synchronized String enable(String pluginId, String by) {
        PluginWrapper plugin = known(pluginId);
        if (plugin.getPluginState() != PluginState.DISABLED) {
            return "The plugin '" + pluginId + "' is already enabled (" + plugin.getPluginState() + ").";
        }
        manager.as(by, () -> manager.enablePlugin(pluginId));
        PluginState state = manager.start(pluginId);
        contributions = collect();
        return state == PluginState.STARTED ? "Enabled and started the plugin '" + pluginId + "'."
                : "Enabled the plugin '" + pluginId + "', but it did not start (" + state + "): see its problems.";
    }

    /** In development mode, loads a plugin again from its build output, without restarting the console. */
    public synchronized String reload(String pluginId) {
        if (!development()) {
            throw new IllegalStateException("Plugins can be reloaded only in development mode");
        }
        PluginWrapper plugin = known(pluginId);
        Path path = plugin.getPluginPath();
        contributions = Contributions.none();
        manager.unloadPlugin(pluginId);
        problems.clear(pluginId);
        String id = manager.loadPlugin(path);
        PluginState state = id == null ? PluginState.FAILED : manager.start(id);
        contributions = collect();
        return "Reloaded the plugin '" + pluginId + "' from " + path + ": " + state + ".";
    }

    /** Records a plugin's failure at run time (rendering or acting), for its row on the plugins page. */
    public void reportFailure(String pluginId, String message) {
        problems.add(pluginId, message);
    }

    private PluginWrapper known(String pluginId) {
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin == null) {
            throw new UnknownPlugin(pluginId);
        }
        return plugin;
    }

    /** No loaded plugin has that id. */
    public static final class UnknownPlugin extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownPlugin(String pluginId) {
            super("There is no loaded plugin '" + pluginId + "'.", null, false, false);
        }
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
            var archive = manager.archive(plugin);
            statuses.add(new PluginStatus(plugin.getPluginId(), orEmpty(descriptor.getVersion()),
                    orEmpty(descriptor.getProvider()), orEmpty(descriptor.getPluginDescription()),
                    orEmpty(descriptor.getRequires()), plugin.getPluginState().toString(), messages,
                    archive.map(DropFolderRepository.Archive::fileName).orElse(""),
                    archive.map(DropFolderRepository.Archive::sha256).orElse("")));
        }
        problems.all().forEach((key, messages) -> {
            if (!known.contains(key)) {
                statuses.add(new PluginStatus(key, "", "", "", "", PluginStatus.REFUSED, messages, "", ""));
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

        Set<String> installed = new HashSet<>();
        manager.getPlugins().forEach(plugin -> installed.add(plugin.getPluginId()));
        claimOwnIds(started, installed);
        Map<String, Contributions.Right> rights = new LinkedHashMap<>();
        for (PluginWrapper plugin : started) {
            for (RightContribution contribution : extensions(plugin, RightContribution.class)) {
                List<RightDefinition> defined = guarded(plugin, "listing its rights", contribution::rights);
                for (RightDefinition right : defined == null ? List.<RightDefinition>of() : defined) {
                    String taken = claimedByAnother(Claims.Kind.RIGHT, right.id(), plugin, installed);
                    if (taken != null || rights.containsKey(right.id())) {
                        refuse(plugin, "Its right '" + right.id() + "' was left out: " + (taken != null ? taken
                                : "it defines that id twice"));
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
                String problem = claimedByAnother(Claims.Kind.PANEL, definition.id(), plugin, installed);
                problem = problem != null ? problem : panelProblem(definition, rights, panels);
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
                    String problem = claimedByAnother(Claims.Kind.MENU, entry.id(), plugin, installed);
                    problem = problem != null ? problem : menuProblem(plugin.getPluginId(), entry, rights, panels,
                            menuIds);
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
            if (OUR_EXTENSION_POINTS.stream()
                    .allMatch(type -> manager.getExtensionClasses(type, plugin.getPluginId()).isEmpty())) {
                refuse(plugin, "It implements none of the console's extension points (menu entry, tool right, "
                        + "settings panel, records exchange), so it adds nothing. Check that its extensions implement "
                        + "them and that its build writes META-INF/extensions.idx.");
            }
        }
        return new Contributions(menu, rights, panels);
    }

    /**
     * Gives each plugin the ids in its own namespace (its id, or its id and a dot or hyphen) before anything else is
     * claimed, so that a plugin whose name sorts first cannot take "nre.registration" from "nre" when both are
     * installed at once.
     */
    private void claimOwnIds(List<PluginWrapper> started, Set<String> installed) {
        for (PluginWrapper plugin : started) {
            String own = plugin.getPluginId();
            List<Map.Entry<Claims.Kind, String>> ids = new ArrayList<>();
            for (RightContribution contribution : extensions(plugin, RightContribution.class)) {
                List<RightDefinition> defined = guarded(plugin, "listing its rights", contribution::rights);
                (defined == null ? List.<RightDefinition>of() : defined)
                        .forEach(right -> ids.add(Map.entry(Claims.Kind.RIGHT, right.id())));
            }
            for (SettingsPanel panel : extensions(plugin, SettingsPanel.class)) {
                PanelDefinition definition = guarded(plugin, "describing a panel", panel::definition);
                if (definition != null) {
                    ids.add(Map.entry(Claims.Kind.PANEL, definition.id()));
                }
            }
            for (Map.Entry<Claims.Kind, String> id : ids) {
                if (id.getValue().equals(own) || id.getValue().startsWith(own + ".")
                        || id.getValue().startsWith(own + "-")) {
                    claims.claim(id.getKey(), id.getValue(), own, installed);
                }
            }
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
