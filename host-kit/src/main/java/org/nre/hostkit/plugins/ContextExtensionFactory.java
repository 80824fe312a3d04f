package org.nre.hostkit.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nre.hostapi.PluginContext;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;

/**
 * Creates each extension once per plugin start. An extension's public constructor may take nothing,
 * the plugin's {@link PluginContext}, or the plugin's own main class (to share what the plugin set up in
 * {@code start()}).
 */
final class ContextExtensionFactory implements ExtensionFactory {

    private final HostPluginManager manager;
    private final Map<Class<?>, Object> instances = new ConcurrentHashMap<>();

    ContextExtensionFactory(HostPluginManager manager) {
        this.manager = manager;
        manager.addPluginStateListener(event -> {
            if (!event.getPluginState().isStarted()) {
                ClassLoader loader = event.getPlugin().getPluginClassLoader();
                instances.keySet().removeIf(type -> type.getClassLoader() == loader);
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T create(Class<T> extensionClass) {
        return (T) instances.computeIfAbsent(extensionClass, this::instantiate);
    }

    private Object instantiate(Class<?> type) {
        PluginWrapper wrapper = manager.whichPlugin(type);
        try {
            Constructor<?> fallback = null;
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 0) {
                    fallback = constructor;
                } else if (parameters.length == 1 && wrapper != null) {
                    if (parameters[0] == PluginContext.class) {
                        return constructor.newInstance(manager.context(wrapper.getPluginId()));
                    }
                    Plugin plugin = wrapper.getPlugin();
                    if (plugin != null && parameters[0].isInstance(plugin)) {
                        return constructor.newInstance(plugin);
                    }
                }
            }
            if (fallback == null) {
                throw new PluginRuntimeException("Extension '{}' needs a public constructor taking nothing, a "
                        + "PluginContext, or its plugin's main class", type.getName());
            }
            return fallback.newInstance();
        } catch (InvocationTargetException e) {
            throw new PluginRuntimeException(e.getCause(), "The constructor of extension '{}' threw: {}",
                    type.getName(), String.valueOf(e.getCause()));
        } catch (ReflectiveOperationException e) {
            throw new PluginRuntimeException(e, "Cannot create extension '{}': {}", type.getName(), e.toString());
        }
    }
}
