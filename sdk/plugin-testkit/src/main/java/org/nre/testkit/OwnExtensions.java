package org.nre.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nre.hostapi.PluginContext;
import org.pf4j.Plugin;

/**
 * The plugin's own extensions, as PF4J finds them: the classes its {@code META-INF/extensions.idx} lists (written by
 * PF4J's annotation processor at compile time), limited to the plugin's own build output, each created as a console
 * creates it: with the plugin's context, with the plugin's main class, or with nothing.
 */
final class OwnExtensions {

    static final String INDEX = "META-INF/extensions.idx";

    private OwnExtensions() {
    }

    /**
     * Creates the plugin's extensions.
     *
     * @param chosen the extension classes the test chose, or empty to find them as PF4J does
     */
    static List<Object> create(Plugin plugin, PluginContext context, List<Class<?>> chosen) {
        Class<?> pluginType = plugin.getClass();
        List<Class<?>> types = new ArrayList<>(chosen);
        if (types.isEmpty()) {
            for (String name : listed(pluginType)) {
                types.add(load(pluginType, name));
            }
        }
        List<Object> created = new ArrayList<>();
        for (Class<?> type : types) {
            created.add(instantiate(type, plugin, context));
        }
        return created;
    }

    private static Set<String> listed(Class<?> pluginType) {
        URL own = location(pluginType);
        if (own == null) {
            throw new IllegalStateException("Cannot tell where " + pluginType.getName() + " was loaded from");
        }
        Set<String> names = new LinkedHashSet<>();
        boolean indexFound = false;
        try {
            for (URL index : Collections.list(pluginType.getClassLoader().getResources(INDEX))) {
                String at = index.toString();
                if (at.startsWith(own.toString()) || at.startsWith("jar:" + own + "!")) {
                    indexFound = true;
                    names.addAll(lines(index));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + INDEX + " from the class path: " + e.getMessage(), e);
        }
        if (!indexFound) {
            throw new IllegalStateException("No " + INDEX + " beside " + pluginType.getName() + " (in " + own
                    + "): PF4J's annotation processor did not run, so a console would find none of the plugin's "
                    + "extensions. Mark them with @Extension and compile with <proc>full</proc> (plugin-parent does).");
        }
        return names;
    }

    private static Object instantiate(Class<?> type, Plugin plugin, PluginContext context) {
        try {
            Constructor<?> none = null;
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 0) {
                    none = constructor;
                } else if (parameters.length == 1 && parameters[0] == PluginContext.class) {
                    return constructor.newInstance(context);
                } else if (parameters.length == 1 && parameters[0].isInstance(plugin)) {
                    return constructor.newInstance(plugin);
                }
            }
            if (none == null) {
                throw new IllegalStateException("Extension " + type.getName() + " needs a public constructor taking "
                        + "nothing, a PluginContext, or its plugin's main class: a console could not create it");
            }
            return none.newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The constructor of extension " + type.getName() + " threw: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create extension " + type.getName() + ": " + e, e);
        }
    }

    private static Class<?> load(Class<?> pluginType, String name) {
        try {
            return Class.forName(name, false, pluginType.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(INDEX + " lists " + name + ", which is not on the class path: rebuild "
                    + "from clean (mvn clean test)", e);
        }
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    private static List<String> lines(URL index) throws IOException {
        try (InputStream in = index.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
