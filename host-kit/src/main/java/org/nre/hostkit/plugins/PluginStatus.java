package org.nre.hostkit.plugins;

import java.util.List;

/**
 * What the console knows of one plugin, for the log, the health check and the plugins page.
 *
 * @param id the Plugin-Id, or the file name when none could be read
 * @param version the Plugin-Version, or empty
 * @param provider the Plugin-Provider, or empty
 * @param description the Plugin-Description, or empty
 * @param requires the host API versions the plugin requires, or empty
 * @param state PF4J's state (STARTED, FAILED, DISABLED, ...), or REFUSED for a file never loaded
 * @param problems what went wrong, in words a console administrator can act on
 * @param archive the zip the plugin was loaded from, or empty for a folder (a refused zip's name is its id)
 * @param sha256 that zip's SHA-256, or empty
 */
public record PluginStatus(String id, String version, String provider, String description, String requires,
                           String state, List<String> problems, String archive, String sha256) {

    public static final String REFUSED = "REFUSED";

    public PluginStatus {
        problems = List.copyOf(problems);
    }

    public boolean started() {
        return "STARTED".equals(state);
    }
}
