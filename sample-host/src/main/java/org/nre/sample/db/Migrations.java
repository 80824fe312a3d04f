package org.nre.sample.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.MigrationResult;

/** Runs Flyway migrations with a history table per owner (the host, or one plugin). */
public final class Migrations {

    public static final String HOST_LOCATION = "db/host";
    public static final String HOST_HISTORY_TABLE = "host_schema_history";

    private final HostDatabase database;

    public Migrations(HostDatabase database) {
        this.database = database;
    }

    /**
     * Whether the console's schema looks present, that is whether the host's history table exists: false on a
     * console's first start. Only a hint, for work worth starting early: when the database cannot say, the answer
     * is true, and the migrations that follow report what is wrong.
     */
    public boolean hostSchemaPresent() {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null,
                     HOST_HISTORY_TABLE, null)) {
            return tables.next();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Applies the host's own migrations. */
    public MigrationResult migrateHost() {
        return migrate(Migrations.class.getClassLoader(), HOST_LOCATION, HOST_HISTORY_TABLE, "the console");
    }

    /**
     * Applies a plugin's migrations from its own class loader, into its own history table.
     *
     * @throws HostApiException when a migration fails, naming the plugin and the cause
     */
    public MigrationResult migratePlugin(String pluginId, ClassLoader pluginClassLoader, String location) {
        if (location == null || location.isBlank() || location.contains("..")) {
            throw new HostApiException("Plugin '" + pluginId + "' asked for migrations at '" + location
                    + "': give a folder on the plugin's class path such as db/" + pluginId);
        }
        String stripped = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        if (stripped.equals(HOST_LOCATION) || stripped.startsWith(HOST_LOCATION + "/")) {
            throw new HostApiException("Plugin '" + pluginId + "' cannot use the console's migration folder '"
                    + HOST_LOCATION + "'");
        }
        return migrate(pluginClassLoader, stripped, historyTable(pluginId), "plugin '" + pluginId + "'");
    }

    /** A plugin's history table: its id in lower case, with anything but letters and digits as '_'. */
    public static String historyTable(String pluginId) {
        return pluginId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_schema_history";
    }

    private MigrationResult migrate(ClassLoader classLoader, String location, String table, String owner) {
        Flyway flyway = Flyway.configure(classLoader)
                .dataSource(database.dataSource())
                .locations("classpath:" + location)
                .table(table)
                // The host and every plugin share one schema, each with its own history table: a history
                // table starts at a baseline of version 0 so that the owner's V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            // Flyway reports the version it migrated to or, when nothing was pending, the one it found. Asking
            // flyway.info() instead reads the history and scans the migrations again, at each start.
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion != null ? result.initialSchemaVersion : "";
            return new MigrationResult(result.migrationsExecuted, version, table);
        } catch (FlywayException e) {
            throw new HostApiException("Migrations of " + owner + " from '" + location + "' failed: "
                    + HostDatabase.rootMessage(e), e);
        }
    }
}
