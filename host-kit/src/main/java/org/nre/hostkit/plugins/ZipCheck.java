package org.nre.hostkit.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a plugin zip before anything is expanded from it: PF4J would expand a zip with a
 * path-traversal entry in part and still start it, and would silently skip a damaged one.
 */
final class ZipCheck {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_EXPANDED_BYTES = 200L * 1024 * 1024;
    static final String MANIFEST = "classes/META-INF/MANIFEST.MF";
    static final String PROPERTIES = "plugin.properties";

    private ZipCheck() {
    }

    /**
     * What is wrong with a zip.
     *
     * @return a message that says what is wrong and what to do, or empty when the zip is fit to expand
     */
    static Optional<String> problem(Path zip) {
        String name = zip.getFileName().toString();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            int entries = 0;
            long expanded = 0;
            boolean descriptor = false;
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String entryName = entry.getName();
                if (++entries > MAX_ENTRIES) {
                    return Optional.of("Refused " + name + ": it holds more than " + MAX_ENTRIES + " entries");
                }
                if (unsafe(entryName)) {
                    return Optional.of("Refused " + name + ": entry '" + entryName + "' would be written outside "
                            + "the plugin's folder (path traversal). Nothing was expanded; rebuild the zip or ask "
                            + "its provider for a clean one.");
                }
                if (entry.getSize() > 0) {
                    expanded += entry.getSize();
                }
                if (expanded > MAX_EXPANDED_BYTES) {
                    return Optional.of("Refused " + name + ": it expands to more than " + MAX_EXPANDED_BYTES / 1024 / 1024
                            + " MB");
                }
                descriptor |= entryName.equals(MANIFEST) || entryName.equals(PROPERTIES);
            }
            if (!descriptor) {
                return Optional.of("Refused " + name + ": it is not a PF4J plugin zip (no " + MANIFEST + " or "
                        + PROPERTIES + " with the Plugin-Id). Build it as the plugin developer guide describes.");
            }
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of("Refused " + name + ": it is not a readable zip (" + e.getMessage()
                    + "). It may be damaged or incomplete: copy it again.");
        } catch (IOException e) {
            return Optional.of("Refused " + name + ": it cannot be read (" + e.getMessage() + ")");
        }
    }

    static boolean unsafe(String entryName) {
        String normalized = entryName.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : normalized.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
