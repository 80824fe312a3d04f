package org.nre.hostkit.plugins;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostApiException;
import org.pf4j.ExtensionPoint;
import org.pf4j.PluginWrapper;

/**
 * What started plugins offer each other, through the host API's extension points or through one a plugin exports
 * (its dependents see the same interface through PF4J's {@code Plugin-Dependencies}). Each extension is handed
 * out behind a proxy that calls it the way
 * the console calls any plugin (its class loader as context class loader, failures contained), so that one
 * plugin's fault reaches another only as a {@link HostApiException}.
 */
final class PluginExtensions implements Extensions {

    private final HostPluginManager manager;

    PluginExtensions(HostPluginManager manager) {
        this.manager = manager;
    }

    @Override
    public <T extends ExtensionPoint> List<T> find(Class<T> type) {
        return offered(type).stream().map(offer -> guarded(type, offer.extension(), offer.calls())).toList();
    }

    /** The extensions of a type the started plugins offer, by plugin id, each with the plugin that offers it. */
    <T extends ExtensionPoint> List<Offered<T>> offered(Class<T> type) {
        if (type == null || !type.isInterface() || type == ExtensionPoint.class) {
            throw new HostApiException("Extensions are looked up by an extension point: an interface that extends "
                    + "org.pf4j.ExtensionPoint; '" + (type == null ? "null" : type.getName()) + "' is not one");
        }
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        started.sort(Comparator.comparing(PluginWrapper::getPluginId));
        List<Offered<T>> found = new ArrayList<>();
        for (PluginWrapper plugin : started) {
            PluginCalls calls = manager.calls(plugin.getPluginId());
            for (Class<? extends T> extensionClass : manager.getExtensionClasses(type, plugin.getPluginId())) {
                try {
                    T extension = calls.call("creating extension " + extensionClass.getName(),
                            () -> manager.getExtensionFactory().create(extensionClass));
                    if (extension != null) {
                        found.add(new Offered<>(plugin.getPluginId(), extension, calls));
                    }
                } catch (PluginFailure e) {
                    // Reported against the offering plugin; the caller simply does not get it.
                }
            }
        }
        return List.copyOf(found);
    }

    private static <T> T guarded(Class<T> type, T extension, PluginCalls calls) {
        InvocationHandler handler = (proxy, method, args) -> invoke(extension, method, args, calls);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args, PluginCalls calls) {
        if (method.getDeclaringClass() == Object.class) {
            try {
                return method.invoke(target, args);
            } catch (ReflectiveOperationException e) {
                throw new HostApiException("Cannot call " + method.getName() + " on an extension", e);
            }
        }
        try {
            return calls.call("answering " + method.getName() + "() for another plugin", () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (PluginFailure e) {
            throw new HostApiException("Plugin '" + calls.pluginId() + "' failed to answer " + method.getName()
                    + "(); try again later");
        }
    }
}
