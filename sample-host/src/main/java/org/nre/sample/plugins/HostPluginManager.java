package org.nre.sample.plugins;

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
    private final Map<String, PluginContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, PluginCalls> calls = new ConcurrentHashMap<>();

    HostPluginManager(Path pluginsRoot, Problems problems, ContextFactory contextFactory) {
        super(pluginsRoot);
        this.problems = problems;
        this.contextFactory = contextFactory;
        setSystemVersion(HostApi.version());
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // Called from the super constructor, before this class's fields are set: the lambda reads the
        // problems field only when a problem is reported.
        return new DropFolderRepository(getPluginsRoot(), (key, message) -> problems.add(key, message));
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
            PluginCalls pluginCalls = calls(plugin.getPluginId());
            try {
                pluginCalls.call("stopping", () -> stopPlugin(plugin.getPluginId()));
            } catch (PluginFailure e) {
                problems.add(plugin.getPluginId(), e.getMessage());
            }
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
        return calls.computeIfAbsent(pluginId, id -> new PluginCalls(id, getPluginClassLoader(id)));
    }
}
