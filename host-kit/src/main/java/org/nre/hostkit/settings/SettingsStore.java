package org.nre.hostkit.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.Settings;
import org.nre.hostkit.db.Jdbc;

/** Plugin settings in the database, shared by every console node. */
public final class SettingsStore {

    static final int MAX_VALUE = 2000;

    private final Jdbc jdbc;

    public SettingsStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Settings forPlugin(String pluginId) {
        return new Settings() {
            @Override
            public Optional<String> get(String name) {
                return jdbc.one("SELECT setting_value FROM host_plugin_setting WHERE plugin_id = ? AND name = ?",
                        row -> row.getString(1), pluginId, name);
            }

            @Override
            public void put(String name, String value) {
                Fields.requireText(name, "name");
                if (value == null || value.length() > MAX_VALUE) {
                    throw new HostApiException("Setting '" + name + "' needs a value of at most " + MAX_VALUE
                            + " characters");
                }
                // Delete and insert in one transaction: portable across MariaDB, H2 and PostgreSQL.
                jdbc.inTransaction(connection -> {
                    Jdbc.update(connection, "DELETE FROM host_plugin_setting WHERE plugin_id = ? AND name = ?",
                            pluginId, name);
                    return Jdbc.update(connection,
                            "INSERT INTO host_plugin_setting (plugin_id, name, setting_value) VALUES (?, ?, ?)",
                            pluginId, name, value);
                });
            }

            @Override
            public void remove(String name) {
                jdbc.update("DELETE FROM host_plugin_setting WHERE plugin_id = ? AND name = ?", pluginId, name);
            }

            @Override
            public Map<String, String> all() {
                Map<String, String> all = new LinkedHashMap<>();
                jdbc.list("SELECT name, setting_value FROM host_plugin_setting WHERE plugin_id = ? ORDER BY name",
                        row -> all.put(row.getString(1), row.getString(2)), pluginId);
                return Map.copyOf(all);
            }
        };
    }
}
