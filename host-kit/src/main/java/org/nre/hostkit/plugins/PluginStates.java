package org.nre.hostkit.plugins;

import java.time.Clock;
import org.nre.hostkit.db.Jdbc;

/**
 * What the console remembers of its plugins across restarts, in the database: which are disabled, and which
 * plugin owns each contributed id.
 */
public final class PluginStates {

    private final Jdbc jdbc;
    private final Clock clock;

    public PluginStates(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Claims claims() {
        return new Claims(jdbc, clock);
    }

    public boolean disabled(String pluginId) {
        return jdbc.one("SELECT enabled FROM host_plugin_state WHERE plugin_id = ?", row -> !row.getBoolean(1), pluginId)
                .orElse(false);
    }

    /** Who disabled a plugin on purpose, and when. */
    public record Disabled(String by, java.time.Instant at) {
    }

    /** Who disabled the plugin and when, or empty when it is not disabled on purpose. */
    public java.util.Optional<Disabled> disabledBy(String pluginId) {
        return jdbc.one("SELECT enabled, changed_by, changed_at FROM host_plugin_state WHERE plugin_id = ?",
                row -> row.getBoolean(1) ? null : new Disabled(orEmpty(row.getString(2)),
                        row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant()), pluginId);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    void set(String pluginId, boolean enabled, String by) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM host_plugin_state WHERE plugin_id = ?", pluginId);
            return Jdbc.update(connection, "INSERT INTO host_plugin_state (plugin_id, enabled, changed_by, changed_at) "
                    + "VALUES (?, ?, ?, ?)", pluginId, enabled, by, clock.instant());
        });
    }
}
