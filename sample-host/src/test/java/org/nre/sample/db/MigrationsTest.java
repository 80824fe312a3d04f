package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.sample.HostConfig;
import org.nre.sample.MariaDb;

class MigrationsTest {

    @TempDir
    Path dir;

    private HostDatabase database;
    private Migrations migrations;

    @BeforeEach
    void open() {
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString(),
                "--router", "settings"}, Map.of()));
        migrations = new Migrations(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewDatabaseIsMigratedToTheLatestVersionAndTheNextStartFindsItThereWithNothingToApply() throws Exception {
        long latest;
        try (var files = Files.list(Path.of("src/main/resources", Migrations.HOST_LOCATION))) {
            latest = files.count();
        }

        MigrationResult first = migrations.migrateHost();
        MigrationResult again = migrations.migrateHost();

        assertThat(first).isEqualTo(new MigrationResult((int) latest, String.valueOf(latest),
                Migrations.HOST_HISTORY_TABLE));
        assertThat(again).isEqualTo(new MigrationResult(0, String.valueOf(latest), Migrations.HOST_HISTORY_TABLE));
    }

    @Test
    void aNewDatabaseHasNoConsoleSchemaUntilTheHostIsMigrated() {
        assertThat(migrations.hostSchemaPresent()).isFalse();

        migrations.migrateHost();

        assertThat(migrations.hostSchemaPresent()).isTrue();
    }

    @Test
    void onMariaDbOnlyTheConsolesOwnDatabaseCountsNotAnotherOnTheSameServer() {
        try (MariaDb migrated = MariaDb.freshDatabase(); MariaDb fresh = MariaDb.freshDatabase();
             HostDatabase first = mariaDb(migrated); HostDatabase second = mariaDb(fresh)) {
            new Migrations(first).migrateHost();

            assertThat(new Migrations(first).hostSchemaPresent()).isTrue();
            assertThat(new Migrations(second).hostSchemaPresent()).isFalse();
        }
    }

    @Test
    void aPluginsMigrationsRunFromItsClassLoaderIntoItsOwnHistoryAndReportTheirVersionWhenNothingIsPending()
            throws Exception {
        migrations.migrateHost();
        ClassLoader plugin = pluginWith("db/demo", Map.of(
                "V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, body VARCHAR(100));",
                "V2__author.sql", "ALTER TABLE demo_note ADD COLUMN author VARCHAR(50);"));

        MigrationResult first = migrations.migratePlugin("demo-plugin", plugin, "db/demo");
        MigrationResult again = migrations.migratePlugin("demo-plugin", plugin, "classpath:db/demo");

        assertThat(first).isEqualTo(new MigrationResult(2, "2", "demo_plugin_schema_history"));
        assertThat(again).isEqualTo(new MigrationResult(0, "2", "demo_plugin_schema_history"));
        assertThat(database.jdbc().list("SELECT author FROM demo_note", row -> row.getString(1))).isEmpty();
    }

    @Test
    void aFailingPluginMigrationNamesThePluginAndTheLocationAndKeepsTheDataOfTheOnesBefore() throws Exception {
        migrations.migrateHost();
        ClassLoader good = pluginWith("db/demo", Map.of("V1__notes.sql", "CREATE TABLE demo_note (id INT);"));
        migrations.migratePlugin("demo", good, "db/demo");
        database.jdbc().update("INSERT INTO demo_note (id) VALUES (7)");
        ClassLoader broken = pluginWith("db/demo", Map.of("V1__notes.sql", "CREATE TABLE demo_note (id INT);",
                "V2__broken.sql", "ALTER TABLE no_such_table ADD COLUMN x INT;"));

        assertThatThrownBy(() -> migrations.migratePlugin("demo", broken, "db/demo"))
                .isInstanceOf(HostApiException.class)
                .hasMessageContaining("Migrations of plugin 'demo' from 'db/demo' failed");
        assertThat(database.jdbc().list("SELECT id FROM demo_note", row -> row.getInt(1))).containsExactly(7);
    }

    @Test
    void aPluginCannotMigrateOutsideItsClassPathOrIntoTheConsolesFolder() {
        ClassLoader plugin = getClass().getClassLoader();

        assertThatThrownBy(() -> migrations.migratePlugin("demo", plugin, "../db"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("give a folder on the plugin's class path");
        assertThatThrownBy(() -> migrations.migratePlugin("demo", plugin, "classpath:db/host"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("cannot use the console's migration folder");
    }

    private HostDatabase mariaDb(MariaDb server) {
        return HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString(),
                "--router", "settings", "--db-url", server.url(), "--db-user", server.user()}, Map.of()));
    }

    private ClassLoader pluginWith(String location, Map<String, String> scripts) throws Exception {
        Path root = Files.createTempDirectory(dir, "plugin");
        Path folder = Files.createDirectories(root.resolve(location));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Files.writeString(folder.resolve(script.getKey()), script.getValue());
        }
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }
}
