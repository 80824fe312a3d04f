package org.nre.hostkit.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostApi;
import org.nre.hostapi.PluginContext;
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
    private final List<Path> developmentPlugins;
    private final Problems problems = new Problems();
    private final HostPluginManager manager;
    private final PluginStates states;
    private final PluginExtensions extensions;
    private final java.util.function.Consumer<String> stopped;
    private final ContributionCollector collector;
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
        this.states = states;
        Extensions[] shared = new Extensions[1];
        this.manager = new HostPluginManager(pluginsDir, developmentPlugins, problems,
                (pluginId, calls) -> contexts.create(pluginId, calls, shared[0]), states, trust);
        this.extensions = new PluginExtensions(manager);
        this.collector = new ContributionCollector(manager, problems, states.claims());
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

    /** The extensions of a type the started plugins offer the console, each with its plugin, by plugin id. */
    public <T extends org.pf4j.ExtensionPoint> List<Offered<T>> offered(Class<T> type) {
        return extensions.offered(type);
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
        contributions = collector.collect();
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
    public synchronized PluginChange disable(String pluginId, String by) {
        PluginWrapper plugin = known(pluginId);
        if (plugin.getPluginState() == PluginState.DISABLED) {
            return new PluginChange(false, PluginState.DISABLED.toString(), "The plugin '" + pluginId
                    + "' is already disabled.");
        }
        List<String> stopping = impact(pluginId).dependents();
        manager.as(by, () -> manager.disablePlugin(pluginId));
        contributions = collector.collect();
        return new PluginChange(true, known(pluginId).getPluginState().toString(), "Disabled the plugin '"
                + pluginId + "': its menu entries, rights and panels are gone until it is enabled again. The rights "
                + "granted on it are kept." + (stopping.isEmpty() ? "" : " Stopped with it, as they depend on it: "
                + String.join(", ", stopping) + "."));
    }

    /**
     * What disabling the plugin would take away from everyone: its tools and the started plugins that depend on
     * it, which stop with it. Asked before {@link #disable}, for the console's confirmation.
     */
    public synchronized DisableImpact impact(String pluginId) {
        known(pluginId);
        List<String> tools = new ArrayList<>();
        for (Contributions.Menu menu : contributions.menuEntries()) {
            if (menu.pluginId().equals(pluginId)) {
                List<String> path = new ArrayList<>(menu.entry().path());
                path.add(menu.entry().label());
                tools.add(String.join(" / ", path));
            }
        }
        contributions.panels().values().stream().filter(panel -> panel.pluginId().equals(pluginId))
                .map(panel -> panel.definition().title() + " (panel)").sorted().forEach(tools::add);
        return new DisableImpact(pluginId, tools, dependents(pluginId).stream()
                .filter(id -> manager.getPlugin(id).getPluginState() == PluginState.STARTED).toList());
    }

    /** The plugins whose Plugin-Dependencies name the plugin, directly or through another, sorted by id. */
    private List<String> dependents(String pluginId) {
        Set<String> found = new java.util.TreeSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(pluginId));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            for (PluginWrapper plugin : manager.getPlugins()) {
                boolean names = plugin.getDescriptor().getDependencies().stream()
                        .anyMatch(dependency -> dependency.getPluginId().equals(id));
                if (names && !plugin.getPluginId().equals(pluginId) && found.add(plugin.getPluginId())) {
                    todo.push(plugin.getPluginId());
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Every plugin as the health check reports it: a plugin disabled on purpose, and one stopped because a
     * plugin it depends on was, count as healthy; one that failed, was refused or does not fit does not.
     */
    public List<PluginHealth> health() {
        List<PluginHealth> health = new ArrayList<>();
        for (PluginStatus status : statuses()) {
            PluginWrapper plugin = manager.getPlugin(status.id());
            java.util.Optional<PluginStates.Disabled> disabled = plugin == null ? java.util.Optional.empty() : offOnPurpose(plugin);
            health.add(new PluginHealth(status.id(), status.version(), status.state(),
                    status.started() || disabled.isPresent(), disabled.map(PluginStates.Disabled::by).orElse(""),
                    disabled.map(PluginStates.Disabled::at).orElse(null)));
        }
        return health;
    }

    /** Who turned the plugin off, when it is disabled on purpose or stopped with a plugin it depends on. */
    private java.util.Optional<PluginStates.Disabled> offOnPurpose(PluginWrapper plugin) {
        if (plugin.getPluginState() == PluginState.DISABLED && plugin.getFailedException() == null) {
            return states.disabledBy(plugin.getPluginId());
        }
        if (plugin.getPluginState() == PluginState.STOPPED || plugin.getPluginState() == PluginState.RESOLVED) {
            for (var dependency : plugin.getDescriptor().getDependencies()) {
                PluginWrapper needed = manager.getPlugin(dependency.getPluginId());
                if (needed != null && needed.getPluginState() == PluginState.DISABLED) {
                    java.util.Optional<PluginStates.Disabled> by = offOnPurpose(needed);
                    if (by.isPresent()) {
                        return java.util.Optional.of(new PluginStates.Disabled(by.get().by() + ", by disabling '"
                                + dependency.getPluginId() + "'", by.get().at()));
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Enables and starts a plugin; its rights come back with the grants they had. */
    public synchronized PluginChange enable(String pluginId, String by) {
        PluginWrapper plugin = known(pluginId);
        if (plugin.getPluginState() != PluginState.DISABLED) {
            return new PluginChange(false, plugin.getPluginState().toString(), "The plugin '" + pluginId
                    + "' is already enabled (" + plugin.getPluginState() + ").");
        }
        manager.as(by, () -> manager.enablePlugin(pluginId));
        PluginState state = manager.start(pluginId);
        contributions = collector.collect();
        return state == PluginState.STARTED
                ? new PluginChange(true, state.toString(), "Enabled and started the plugin '" + pluginId + "'.")
                : new PluginChange(false, state.toString(), "Enabled the plugin '" + pluginId + "', but it did not "
                        + "start (" + state + ")" + because(pluginId) + ".");
    }

    /** In development mode, loads a plugin again from its build output, without restarting the console. */
    public synchronized PluginChange reload(String pluginId) {
        if (!development()) {
            throw new IllegalStateException("Plugins can be reloaded only in development mode");
        }
        PluginWrapper plugin = known(pluginId);
        Path path = plugin.getPluginPath();
        contributions = Contributions.none();
        manager.unloadPlugin(pluginId);
        problems.clear(pluginId);
        problems.clear(path.getFileName().toString());
        String id = manager.loadPlugin(path);
        PluginState state = id == null ? PluginState.FAILED : manager.start(id);
        contributions = collector.collect();
        if (state == PluginState.STARTED) {
            return new PluginChange(true, state.toString(), "Reloaded the plugin '" + pluginId + "' from " + path
                    + ": STARTED.");
        }
        return new PluginChange(false, state.toString(), "Reloaded the plugin '" + pluginId + "' from " + path
                + ", but it did not start (" + state + ")" + because(id == null ? path.getFileName().toString() : id)
                + ".");
    }

    /** The problems reported against a plugin, for the sentence that says it did not start. */
    private String because(String key) {
        List<String> reported = statuses().stream().filter(status -> status.id().equals(key))
                .flatMap(status -> status.problems().stream()).toList();
        return reported.isEmpty() ? ": see its problems on the plugins page" : ": " + String.join(" ", reported);
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
