package org.nre.hostkit.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.flywaydb.core.internal.scanner.Scanner;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Flyway migrations with a history table per owner: the host kit, the console that embeds it, and each
 * plugin. All share one schema, so each history table starts at a baseline of version 0 and the owner's V1 runs.
 * Each location runs its portable files and the current product's folder ({@link ProductFolders}).
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    public static final String KIT_LOCATION = "db/hostkit";
    public static final String KIT_HISTORY_TABLE = "hostkit_schema_history";

    /**
     * The history that the sample console 0.1 kept for its tables and the kit's together, before the kit had its
     * own. A database it made at {@link #LEGACY_VERSION} already holds every table of the kit's V1.
     */
    static final String LEGACY_HISTORY_TABLE = "host_schema_history";
    static final String LEGACY_VERSION = "9";

    private final DataSource dataSource;
    private final DatabaseProduct product;
    // The folders of the kit and of the console: a plugin's migrations may not come from them.
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();

    public Migrations(DataSource dataSource, DatabaseProduct product) {
        this.dataSource = dataSource;
        this.product = product;
        reserved.add(KIT_LOCATION);
    }

    /**
     * Whether the kit's schema looks present, that is whether its history table exists: false on a console's
     * first start. Only a hint, for work worth starting early: when the database cannot say, the answer is true,
     * and the migrations that follow report what is wrong.
     */
    public boolean schemaPresent() {
        try {
            return hasTable(KIT_HISTORY_TABLE) || hasTable(LEGACY_HISTORY_TABLE);
        } catch (SQLException e) {
            return true;
        }
    }

    /** Applies the kit's own migrations; run before the console's and the plugins'. */
    public MigrationResult migrateKit() {
        return migrate(Migrations.class.getClassLoader(), KIT_LOCATION, KIT_HISTORY_TABLE, "the host kit",
                adoptedVersion(KIT_HISTORY_TABLE, "1"), false, null);
    }

    /**
     * Applies the kit's migrations up to a version only, as that release of the kit would: for tests of what an
     * upgrade does to the tables an older release left.
     *
     * @param version the last version to apply, such as {@code 1}
     */
    public MigrationResult migrateKitTo(String version) {
        return migrate(Migrations.class.getClassLoader(), KIT_LOCATION, KIT_HISTORY_TABLE, "the host kit",
                adoptedVersion(KIT_HISTORY_TABLE, "1"), false, Fields.requireText(version, "version"));
    }

    /**
     * Applies the console's own migrations, from its class loader into its own history table.
     *
     * @param location a folder on the console's class path, such as {@code db/console}
     * @param historyTable the console's history table
     * @param legacyVersion the version the console's schema stands at in a database made by the sample console
     *                      0.1 (which kept one history for itself and the kit), or empty when there is none
     */
    public MigrationResult migrateConsole(ClassLoader classLoader, String location, String historyTable,
                                          Optional<String> legacyVersion) {
        reserved.add(stripped(location));
        String baseline = legacyVersion.map(version -> adoptedVersion(historyTable, version)).orElse("0");
        return migrate(classLoader, stripped(location), historyTable, "the console", baseline, false, null,
                legacyVersion.isPresent());
    }

    /**
     * Applies a plugin's migrations from its own class loader, into its own history table.
     *
     * @throws HostApiException when a migration fails, naming the plugin and the cause
     */
    public MigrationResult migratePlugin(String pluginId, ClassLoader pluginClassLoader, String location) {
        return migratePlugin(pluginId, pluginClassLoader, location, null);
    }

    /**
     * Applies a plugin's migrations up to a version only, as a release of the plugin whose last migration is that
     * version would: for tests of what an upgrade does to the tables an older release left.
     *
     * @param version the last version to apply, such as {@code 3}
     * @throws HostApiException when a migration fails, naming the plugin and the cause
     */
    public MigrationResult migratePluginTo(String pluginId, ClassLoader pluginClassLoader, String location,
                                           String version) {
        return migratePlugin(pluginId, pluginClassLoader, location, Fields.requireText(version, "version"));
    }

    private MigrationResult migratePlugin(String pluginId, ClassLoader pluginClassLoader, String location,
                                          String target) {
        if (location == null || location.isBlank() || location.contains("..")) {
            throw new HostApiException("Plugin '" + pluginId + "' asked for migrations at '" + location
                    + "': give a folder on the plugin's class path such as db/" + pluginId);
        }
        String stripped = stripped(location);
        for (String folder : reserved) {
            if (stripped.equals(folder) || stripped.startsWith(folder + "/")) {
                throw new HostApiException("Plugin '" + pluginId + "' cannot use the console's migration folder '"
                        + folder + "'");
            }
        }
        MigrationResult result = migrate(pluginClassLoader, stripped, historyTable(pluginId), "plugin '" + pluginId
                + "'", "0", true, target);
        // Said by the console for every plugin, whatever the plugin logs itself.
        LOG.info("Plugin {}: {} migration{} applied from {}, schema at version {} ({})", pluginId, result.applied(),
                result.applied() == 1 ? "" : "s", stripped, result.schemaVersion().isEmpty() ? "none"
                        : result.schemaVersion(), result.historyTable());
        return result;
    }

    private static String stripped(String location) {
        return location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
    }

    /** A plugin's history table: its id in lower case, with anything but letters and digits as '_'. */
    public static String historyTable(String pluginId) {
        return pluginId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_schema_history";
    }

    /**
     * The baseline of a history table not made yet: the given version when the database was made by the sample
     * console 0.1 (its tables are there already), else 0 so that V1 runs.
     */
    private String adoptedVersion(String historyTable, String version) {
        try {
            if (hasTable(historyTable) || !hasTable(LEGACY_HISTORY_TABLE)) {
                return "0";
            }
            String legacy = legacyVersion();
            if (!LEGACY_VERSION.equals(legacy)) {
                throw new HostApiException("The database was made by an older console, at schema version " + legacy
                        + " in " + LEGACY_HISTORY_TABLE + ": start the sample console 0.1.0 on it once to bring it to "
                        + "version " + LEGACY_VERSION + ", then start this one.");
            }
            return version;
        } catch (SQLException e) {
            throw new HostApiException("Cannot read the database's tables: " + RootCause.message(e), e);
        }
    }

    private String legacyVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + LEGACY_HISTORY_TABLE
                     + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return rows.next() ? rows.getString(1) : "";
        }
    }

    private boolean hasTable(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String candidate : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
                try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, candidate,
                        null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private MigrationResult migrate(ClassLoader classLoader, String location, String table, String owner,
                                    String baselineVersion, boolean refuseNewerSchema, String target) {
        return migrate(classLoader, location, table, owner, baselineVersion, refuseNewerSchema, target, false);
    }

    private MigrationResult migrate(ClassLoader classLoader, String location, String table, String owner,
                                    String baselineVersion, boolean refuseNewerSchema, String target,
                                    boolean passOverMissing) {
        var configuration = Flyway.configure(classLoader);
        if (passOverMissing) {
            // A console's history may hold a version whose file moved elsewhere (the sample console's V2 went to
            // the simulated router plugin): once a newer version follows, Flyway calls it missing, not future.
            configuration.ignoreMigrationPatterns("*:future", "*:missing");
        }
        if (target != null) {
            configuration.target(target);
        }
        if (refuseNewerSchema) {
            // Flyway passes over applied versions newer than the migrations it has (*:future): a plugin older than
            // its tables would then run on a schema it does not know. A plugin is refused instead.
            configuration.ignoreMigrationPatterns(new ValidatePattern[0]);
        }
        configuration
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(table)
                // The kit, the console and every plugin share one schema, each with its own history table: a
                // history table starts at a baseline, of version 0 so that the owner's V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion(baselineVersion)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true);
        try {
            // Flyway's own scanner (of the pinned version) finds the files; only the current product's are kept.
            Scanner<JavaMigration> scanner = new Scanner<>(JavaMigration.class, configuration,
                    configuration.getLocations());
            Flyway flyway = configuration.resourceProvider(new ProductFolders(scanner, product))
                    .javaMigrationClassProvider(scanner).load();
            MigrateResult result = flyway.migrate();
            // Flyway reports the version it migrated to or, when nothing was pending, the one it found. Asking
            // flyway.info() instead reads the history and scans the migrations again, at each start.
            String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion != null ? result.initialSchemaVersion : "";
            return new MigrationResult(result.migrationsExecuted, version, table);
        } catch (FlywayException e) {
            String cause = RootCause.message(e);
            if (refuseNewerSchema && cause.contains("not resolved locally")) {
                throw new HostApiException("The tables of " + owner + " are newer than the plugin: its history " + table
                        + " holds migrations this version of the plugin does not have (" + firstLine(cause)
                        + "). The plugin was not started and its tables were left as they are: install the plugin's "
                        + "newer version again, or restore the database backup taken before the upgrade.", e);
            }
            throw new HostApiException("Migrations of " + owner + " from '" + location + "' failed: " + cause, e);
        }
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (line.contains("not resolved locally")) {
                return line.strip();
            }
        }
        return text.strip();
    }
}
