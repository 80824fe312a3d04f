package org.nre.hostkit.plugins;

import java.time.Duration;
import java.util.function.Supplier;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.schedule.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call into a plugin goes through here: it runs with the plugin's class loader as the thread's
 * context class loader (so ServiceLoader-based libraries inside the plugin find their providers), and
 * whatever the plugin throws is contained, logged and turned into a {@link PluginFailure}.
 */
public final class PluginCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCalls.class);

    private final String pluginId;
    private final ClassLoader classLoader;

    public PluginCalls(String pluginId, ClassLoader classLoader) {
        this.pluginId = pluginId;
        this.classLoader = classLoader;
    }

    public String pluginId() {
        return pluginId;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Runs a call into the plugin.
     *
     * @param what what the call does, for messages, such as "rendering panel 'nre'"
     * @throws PluginFailure when the plugin throws
     */
    public <T> T call(String what, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return work.get();
        } catch (HostApiException e) {
            // A value the plugin built was invalid, or a host service refused: the message says which.
            LOG.warn("Plugin '{}' failed while {}: {}", pluginId, what, e.getMessage());
            throw new PluginFailure(pluginId, "Plugin '" + pluginId + "' failed while " + what + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Plugin '{}' failed while {}", pluginId, what, e);
            throw new PluginFailure(pluginId, "Plugin '" + pluginId + "' failed while " + what + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs one turn of a repeating task; a failed turn is logged and retried after the fixed pause. */
    public Duration runTask(String name, RepeatingTask task) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader);
        try {
            return task.run();
        } catch (Exception | LinkageError e) {
            LOG.warn("Scheduled task '{}' of plugin '{}' failed; it runs again in {}", name, pluginId,
                    Scheduler.RETRY_AFTER_FAILURE, e);
            return Scheduler.RETRY_AFTER_FAILURE;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
