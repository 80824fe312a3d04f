package org.nre.sample.plugins;

import java.time.Clock;
import org.nre.sample.db.Jdbc;

/** Which plugins are disabled, in the database, so that the choice survives restarts. */
public final class PluginStates {

    private final Jdbc jdbc;
    private final Clock clock;

    public PluginStates(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean disabled(String pluginId) {
        return jdbc.one("SELECT enabled FROM host_plugin_state WHERE plugin_id = ?", row -> !row.getBoolean(1), pluginId)
                .orElse(false);
    }

    void set(String pluginId, boolean enabled, String by) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM host_plugin_state WHERE plugin_id = ?", pluginId);
            return Jdbc.update(connection, "INSERT INTO host_plugin_state (plugin_id, enabled, changed_by, changed_at) "
                    + "VALUES (?, ?, ?, ?)", pluginId, enabled, by, clock.instant());
        });
    }
}
