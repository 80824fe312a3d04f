package org.nre.hostkit.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.nre.hostapi.PluginContext;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's main class, giving it the host's services when its constructor takes a
 * {@link PluginContext}. Failures throw with a message rather than returning null, so that PF4J marks
 * the plugin FAILED with that message.
 */
final class ContextPluginFactory implements PluginFactory {

    private final HostPluginManager manager;

    ContextPluginFactory(HostPluginManager manager) {
        this.manager = manager;
    }

    @Override
    public Plugin create(PluginWrapper wrapper) {
        String className = wrapper.getDescriptor().getPluginClass();
        String pluginId = wrapper.getPluginId();
        if (className == null || className.isBlank()) {
            return new Plugin();
        }
        Class<?> type;
        try {
            type = wrapper.getPluginClassLoader().loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginRuntimeException(e, "Plugin-Class '{}' of plugin '{}' cannot be loaded: {}",
                    className, pluginId, e.toString());
        }
        if (!Plugin.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new PluginRuntimeException("Plugin-Class '{}' of plugin '{}' must be a concrete subclass of "
                    + "org.pf4j.Plugin", className, pluginId);
        }
        PluginCalls calls = manager.calls(pluginId);
        return calls.call("creating its plugin class", () -> instantiate(type, wrapper));
    }

    private Plugin instantiate(Class<?> type, PluginWrapper wrapper) {
        try {
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == PluginContext.class) {
                    return (Plugin) constructor.newInstance(manager.context(wrapper.getPluginId()));
                }
            }
            return (Plugin) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new PluginRuntimeException("Plugin-Class '{}' needs a public constructor taking a PluginContext, "
                    + "or none", type.getName());
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "The constructor of '{}' threw: {}", type.getName(),
                    String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "Cannot create '{}': {}", type.getName(), e.toString());
        }
    }
}
