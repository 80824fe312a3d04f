package org.nre.hostkit.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nre.hostapi.HostApi;
import org.nre.hostapi.PluginContext;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRepository;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PF4J in deployment mode over one drop folder, with the host API's version as the system version (so
 * that {@code Plugin-Requires} is checked), zip checks before expansion, a context per plugin, and
 * every call into a plugin made with its class loader.
 */
final class HostPluginManager extends DefaultPluginManager {

    private static final Logger LOG = LoggerFactory.getLogger(HostPluginManager.class);

    /** Builds the host's services for one plugin. */
    @FunctionalInterface
    interface ContextFactory {
        PluginContext create(String pluginId, PluginCalls calls);
    }

    private final Problems problems;
    private final ContextFactory contextFactory;
    private final PluginStates states;
    private final java.util.List<Path> developmentPlugins;
    private final ThreadLocal<String> actor = ThreadLocal.withInitial(() -> "console");
    private final Map<String, PluginContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, PluginCalls> calls = new ConcurrentHashMap<>();
    private final PluginTrust trust;
    // Set while the super constructor runs (it creates the repository), so no initializer may reset it.
    private DropFolderRepository dropFolder;

    HostPluginManager(Path pluginsRoot, java.util.List<Path> developmentPlugins, Problems problems,
                      ContextFactory contextFactory, PluginStates states, PluginTrust trust) {
        super(pluginsRoot);
        this.trust = trust;
        this.problems = problems;
        this.contextFactory = contextFactory;
        this.states = states;
        this.developmentPlugins = java.util.List.copyOf(developmentPlugins);
        setSystemVersion(HostApi.version());
        // A plugin whose dependency is missing is left out and reported, rather than failing every plugin.
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        // Called from the super constructor too, before the fields are set: read them with care.
        return developmentPlugins == null || developmentPlugins.isEmpty() ? RuntimeMode.DEPLOYMENT
                : RuntimeMode.DEVELOPMENT;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Called from the super constructor, before this class's fields are set: the lambdas read them only
        // when they are called.
        dropFolder = new DropFolderRepository(getPluginsRoot(), (key, message) -> problems.add(key, message),
                () -> trust);
        return new PluginRepository() {
            @Override
            public java.util.List<Path> getPluginPaths() {
                return isDevelopment() ? developmentPlugins : dropFolder.getPluginPaths();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    @Override
    protected org.pf4j.PluginStatusProvider createPluginStatusProvider() {
        return new org.pf4j.PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return states.disabled(pluginId);
            }

            @Override
            public void disablePlugin(String pluginId) {
                states.set(pluginId, false, actor.get());
            }

            @Override
            public void enablePlugin(String pluginId) {
                states.set(pluginId, true, actor.get());
            }
        };
    }

    /** Runs a change of a plugin's state on behalf of someone, who is remembered with it. */
    <T> T as(String who, java.util.function.Supplier<T> change) {
        actor.set(who);
        try {
            return change.get();
        } finally {
            actor.remove();
        }
    }

    @Override
    protected org.pf4j.DependencyResolver.Result resolveDependencies() {
        java.util.List<org.pf4j.PluginDescriptor> descriptors = getPlugins().stream()
                .map(PluginWrapper::getDescriptor).toList();
        org.pf4j.DependencyResolver.Result result = dependencyResolver.resolve(descriptors);
        for (String missing : result.getNotFoundDependencies()) {
            for (String dependent : dependencyResolver.getDependents(missing)) {
                problems.add(dependent, "It needs the plugin '" + missing + "', which is not installed. Install that "
                        + "plugin, or remove this one.");
            }
        }
        for (org.pf4j.DependencyResolver.WrongDependencyVersion wrong : result.getWrongVersionDependencies()) {
            problems.add(wrong.getDependentId(), "It needs the plugin '" + wrong.getDependencyId() + "' in version "
                    + wrong.getRequiredVersion() + ", but " + wrong.getExistingVersion() + " is installed.");
        }
        if (result.hasCyclicDependency()) {
            for (org.pf4j.PluginDescriptor descriptor : descriptors) {
                if (!descriptor.getDependencies().isEmpty()) {
                    problems.add(descriptor.getPluginId(), "Its dependencies form a cycle; none of the plugins in "
                            + "the cycle can start.");
                    unloadPlugin(descriptor.getPluginId(), false, false);
                }
            }
            return super.resolveDependencies();
        }
        return super.resolveDependencies();
    }

    @Override
    protected org.pf4j.PluginLoader createPluginLoader() {
        // PF4J decides between development and deployment loaders once, in its constructor, before the
        // development plugins are known: decide at each load instead.
        org.pf4j.PluginLoader development = new org.pf4j.DevelopmentPluginLoader(this);
        org.pf4j.PluginLoader deployment = new org.pf4j.CompoundPluginLoader()
                .add(new org.pf4j.JarPluginLoader(this))
                .add(new org.pf4j.DefaultPluginLoader(this));
        return new org.pf4j.PluginLoader() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return (isDevelopment() ? development : deployment).isApplicable(pluginPath);
            }

            @Override
            public ClassLoader loadPlugin(Path pluginPath, org.pf4j.PluginDescriptor descriptor) {
                return (isDevelopment() ? development : deployment).loadPlugin(pluginPath, descriptor);
            }
        };
    }

    @Override
    protected org.pf4j.PluginDescriptorFinder createPluginDescriptorFinder() {
        // In development mode only the module finder answers, so that its own words reach the administrator: as
        // one of several, PF4J would swallow them and say "No PluginDescriptorFinder" instead.
        org.pf4j.PluginDescriptorFinder development = new DevelopmentDescriptorFinder();
        org.pf4j.CompoundPluginDescriptorFinder deployment = new org.pf4j.CompoundPluginDescriptorFinder()
                .add(new org.pf4j.PropertiesPluginDescriptorFinder())
                .add(new org.pf4j.ManifestPluginDescriptorFinder());
        return new org.pf4j.PluginDescriptorFinder() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return (isDevelopment() ? development : deployment).isApplicable(pluginPath);
            }

            @Override
            public org.pf4j.PluginDescriptor find(Path pluginPath) {
                return (isDevelopment() ? development : deployment).find(pluginPath);
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new ContextPluginFactory(this);
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new ContextExtensionFactory(this);
    }

    @Override
    protected PluginWrapper loadPluginFromPath(Path pluginPath) {
        try {
            return super.loadPluginFromPath(pluginPath);
        } catch (RuntimeException e) {
            String message = "Cannot load " + pluginPath.getFileName() + ": " + e.getMessage();
            LOG.error(message);
            problems.add(pluginPath.getFileName().toString(), message);
            return null;
        }
    }

    @Override
    public void startPlugins() {
        for (PluginWrapper plugin : new ArrayList<>(getResolvedPlugins())) {
            PluginState state = plugin.getPluginState();
            if (!state.isDisabled() && !state.isStarted()) {
                startWithClassLoader(plugin);
            }
        }
    }

    @Override
    public void stopPlugins() {
        // PF4J 3.15's own stopPlugins() modifies the list it walks; stop by id over a copy instead.
        ArrayList<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            stopPlugin(plugin.getPluginId());
        }
    }

    /**
     * Stops a plugin with its class loader. A plugin whose {@code stop()} throws is stopped all the same: the
     * console stops using it (so it can be disabled, reloaded or left out at shutdown) and reports the failure.
     */
    @Override
    public PluginState stopPlugin(String pluginId) {
        try {
            return calls(pluginId).call("stopping", () -> super.stopPlugin(pluginId));
        } catch (PluginFailure e) {
            problems.add(pluginId, e.getMessage() + ". The console stopped using it all the same; what the plugin "
                    + "had not released may stay until the console restarts.");
            PluginWrapper plugin = getPlugin(pluginId);
            PluginState before = plugin.getPluginState();
            if (before == PluginState.STARTED) {
                plugin.setPluginState(PluginState.STOPPED);
                startedPlugins.remove(plugin);
                firePluginStateEvent(new org.pf4j.PluginStateEvent(this, plugin, before));
            }
            return plugin.getPluginState();
        }
    }

    private void startWithClassLoader(PluginWrapper plugin) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin.getPluginClassLoader());
        try {
            startPlugin(plugin.getPluginId());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    PluginContext context(String pluginId) {
        return contexts.computeIfAbsent(pluginId, id -> contextFactory.create(id, calls(id)));
    }

    PluginCalls calls(String pluginId) {
        ClassLoader loader = getPluginClassLoader(pluginId);
        PluginCalls current = calls.get(pluginId);
        if (current == null || current.classLoader() != loader) {
            // A reloaded plugin has a new class loader, and so needs a new way in and a new context.
            current = new PluginCalls(pluginId, loader);
            calls.put(pluginId, current);
            contexts.remove(pluginId);
        }
        return current;
    }

    /** Starts one plugin with its class loader as the thread's context class loader. */
    PluginState start(String pluginId) {
        PluginWrapper plugin = getPlugin(pluginId);
        startWithClassLoader(plugin);
        return plugin.getPluginState();
    }

    boolean development() {
        return isDevelopment();
    }

    /** The zip a loaded plugin came from, or empty for one loaded from a folder. */
    java.util.Optional<DropFolderRepository.Archive> archive(PluginWrapper plugin) {
        return isDevelopment() ? java.util.Optional.empty() : dropFolder.archive(plugin.getPluginPath());
    }
}
