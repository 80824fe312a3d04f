package org.nre.hostkit.plugins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Problems found with plugins, by plugin id (or by file name when no id could be read). */
final class Problems {

    private final Map<String, List<String>> byPlugin = new LinkedHashMap<>();

    synchronized void add(String key, String message) {
        List<String> messages = byPlugin.computeIfAbsent(key, k -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
    }

    synchronized List<String> of(String key) {
        return List.copyOf(byPlugin.getOrDefault(key, List.of()));
    }

    synchronized Map<String, List<String>> all() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byPlugin.forEach((key, messages) -> copy.put(key, List.copyOf(messages)));
        return copy;
    }

    synchronized void clear(String key) {
        byPlugin.remove(key);
    }
}
