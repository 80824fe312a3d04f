package org.nre.hostkit.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.nre.hostapi.HostApiException;

/**
 * Checks a plugin's metric names and tags, and remembers each name's kind and tag names: Prometheus needs one name
 * to keep the same labels, so a name is refused with other tag names than at its first use.
 */
final class MeterShapes {

    private static final Pattern NAME_AFTER_ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern TAG_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_NAME_LENGTH = 128;
    private static final int MAX_TAG_LENGTH = 64;
    private static final int MAX_TAG_VALUE_LENGTH = 128;
    // Prometheus gives these labels a meaning of its own in histograms and summaries.
    private static final List<String> RESERVED_TAGS = List.of("le", "quantile");

    /** A name's kind and tag names, and the plugin that used it first. */
    private record Shape(String pluginId, MeterType type, List<String> tagNames) {
    }

    private final Map<String, Shape> shapes = new HashMap<>();

    /** Checks the name and tags; remembers the shape of a name not used before. */
    void check(String pluginId, MeterType type, String name, String[] tags) {
        checkName(pluginId, name);
        List<String> tagNames = tagNames(name, tags);
        Shape shape = new Shape(pluginId, type, tagNames);
        Shape first = shapes.putIfAbsent(name, shape);
        if (first == null) {
            return;
        }
        if (first.type() != type) {
            throw new HostApiException("The metric '" + name + "' is a " + first.type().word() + "; it cannot also be"
                    + " a " + type.word() + ": give the " + type.word() + " a name of its own");
        }
        if (!first.tagNames().equals(tagNames)) {
            throw new HostApiException("The metric '" + name + "' was first used with the tag names " + first.tagNames()
                    + "; it must always take those, not " + tagNames);
        }
    }

    /** Drops what a plugin registered, when it stops. */
    void forget(String pluginId) {
        shapes.values().removeIf(shape -> shape.pluginId().equals(pluginId));
    }

    private static void checkName(String pluginId, String name) {
        String prefix = pluginId + ".";
        if (name == null || !name.startsWith(prefix)) {
            throw new HostApiException("A metric's name starts with the plugin's id and a dot ('" + prefix + "...'); "
                    + "got " + quoted(name));
        }
        if (name.length() > MAX_NAME_LENGTH || !NAME_AFTER_ID.matcher(name.substring(prefix.length())).matches()) {
            throw new HostApiException("A metric's name is lower case words joined by dots, at most "
                    + MAX_NAME_LENGTH + " characters (such as '" + prefix + "calls'); got " + quoted(name));
        }
    }

    private static List<String> tagNames(String name, String[] tags) {
        if (tags.length % 2 != 0) {
            throw new HostApiException("The tags of the metric '" + name + "' come in name and value pairs; got "
                    + tags.length + " strings");
        }
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < tags.length; i += 2) {
            String tag = tags[i];
            String value = tags[i + 1];
            if (tag == null || tag.length() > MAX_TAG_LENGTH || !TAG_NAME.matcher(tag).matches()
                    || RESERVED_TAGS.contains(tag)) {
                throw new HostApiException("A tag name of the metric '" + name + "' is a lower case identifier of "
                        + "at most " + MAX_TAG_LENGTH + " characters, other than " + RESERVED_TAGS + "; got "
                        + quoted(tag));
            }
            if (!names.add(tag)) {
                throw new HostApiException("The metric '" + name + "' names the tag '" + tag + "' twice");
            }
            if (value == null || value.isBlank() || value.length() > MAX_TAG_VALUE_LENGTH) {
                throw new HostApiException("The tag '" + tag + "' of the metric '" + name + "' needs a value of 1 to "
                        + MAX_TAG_VALUE_LENGTH + " characters; got " + quoted(value));
            }
        }
        return new ArrayList<>(names);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
