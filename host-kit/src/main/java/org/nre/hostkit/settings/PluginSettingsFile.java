package org.nre.hostkit.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostkit.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions plugin settings from a properties file at start: {@code <plugin>.<name>=value} for a setting,
 * {@code <plugin>.secret.<name>=value} for a secret (stored encrypted; the file should be readable by the
 * console's user only). Values in the file replace what administrators set in the panels.
 */
public final class PluginSettingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSettingsFile.class);

    private PluginSettingsFile() {
    }

    public static void apply(Path file, SettingsStore settings, SecretStore secrets) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("Plugin settings file '" + file + "' cannot be read: " + e.getMessage());
        }
        int applied = 0;
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new ConfigException("Plugin settings file '" + file + "': key '" + key + "' must be "
                        + "<plugin>.<name> or <plugin>.secret.<name>");
            }
            String pluginId = key.substring(0, dot);
            String rest = key.substring(dot + 1);
            String value = properties.getProperty(key).strip();
            try {
                Fields.requireId(pluginId, "plugin");
                if (rest.startsWith("secret.")) {
                    secrets.forPlugin(pluginId).put(rest.substring("secret.".length()), value);
                } else {
                    settings.forPlugin(pluginId).put(rest, value);
                }
            } catch (HostApiException e) {
                throw new ConfigException("Plugin settings file '" + file + "': " + e.getMessage());
            }
            applied++;
        }
        // Names only: never the values, which may be secrets.
        LOG.info("Applied {} plugin settings from {}", applied, file);
    }
}
