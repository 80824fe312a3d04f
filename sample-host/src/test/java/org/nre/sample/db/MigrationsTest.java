package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.MariaDb;
import org.nre.hostkit.db.Migrations;
import org.nre.sample.HostConfig;

class MigrationsTest {

    @TempDir
    Path dir;

    private HostDatabase database;
    private Migrations migrations;

    @BeforeEach
    void open() {
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString()}, Map.of()));
        migrations = new Migrations(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aNewDatabaseGetsTheKitsTablesAndTheConsolesEachInItsOwnHistoryAndTheNextStartFindsNothingToApply()
            throws Exception {
        long latest;
        try (var files = Files.list(Path.of("src/main/resources", ConsoleSchema.LOCATION))) {
            latest = files.count();
        }

        MigrationResult first = ConsoleSchema.migrate(migrations);
        MigrationResult again = ConsoleSchema.migrate(migrations);

        assertThat(first).isEqualTo(new MigrationResult((int) latest, String.valueOf(latest),
                ConsoleSchema.HISTORY_TABLE));
        assertThat(again).isEqualTo(new MigrationResult(0, String.valueOf(latest), ConsoleSchema.HISTORY_TABLE));
        assertThat(migrations.migrateKit()).isEqualTo(new MigrationResult(0, "1", Migrations.KIT_HISTORY_TABLE));
        assertThat(database.jdbc().one("SELECT generation FROM host_rights_generation", row -> row.getLong(1)))
                .contains(1L);
    }

    @Test
    void aNewDatabaseHasNoConsoleSchemaUntilItIsMigrated() {
        assertThat(migrations.schemaPresent()).isFalse();

        ConsoleSchema.migrate(migrations);

        assertThat(migrations.schemaPresent()).isTrue();
        assertThat(database.isUp()).isTrue();
    }

    @Test
    void aDatabaseMadeByTheConsoleBeforeTheKitKeptItsOwnHistoryIsAdoptedWithItsDataAndNothingRunTwice() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:console-0.1/db/host")
                .table("host_schema_history").load().migrate();
        database.jdbc().update("INSERT INTO host_audit (at, source, actor_id, actor_name, remote_address, action, "
                + "detail) VALUES (CURRENT_TIMESTAMP, 'console', 'admin', 'Administrator, System', '127.0.0.1', "
                + "'user.created', 'kept')");

        MigrationResult console = ConsoleSchema.migrate(migrations);

        assertThat(console).isEqualTo(new MigrationResult(0, "2", ConsoleSchema.HISTORY_TABLE));
        assertThat(migrations.migrateKit()).isEqualTo(new MigrationResult(0, "1", Migrations.KIT_HISTORY_TABLE));
        assertThat(database.jdbc().list("SELECT detail FROM host_audit", row -> row.getString(1)))
                .containsExactly("kept");
        assertThat(database.isUp()).isTrue();
    }

    @Test
    void aDatabaseWhoseConsoleHistoryHoldsTheSimulatedRoutersTablesStartsAndKeepsThemForTheSimulatorPlugin() {
        // Consoles before 0.2 made the simulated router's tables as their own V2; the simulator plugin owns them now.
        Flyway.configure().dataSource(database.dataSource())
                .locations("classpath:" + ConsoleSchema.LOCATION, "classpath:console-before-0.2/db/console")
                .table(ConsoleSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").load().migrate();
        database.jdbc().update("INSERT INTO sim_terms (version, effective_date, body, published_at) VALUES "
                + "('2026-07', DATE '2026-07-01', 'kept', CURRENT_TIMESTAMP)");

        MigrationResult console = ConsoleSchema.migrate(migrations);
        MigrationResult again = ConsoleSchema.migrate(migrations);

        assertThat(console.applied()).isZero();
        assertThat(again.applied()).isZero();
        assertThat(database.jdbc().list("SELECT body FROM sim_terms", row -> row.getString(1))).containsExactly("kept");
        assertThat(database.isUp()).isTrue();
    }

    @Test
    void aDatabaseOfAnOlderConsoleThanTheLastBeforeTheKitIsRefusedWithWhatToDoAndLeftAsItWas() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:console-0.1/db/host")
                .table("host_schema_history").target("8").load().migrate();

        assertThatThrownBy(() -> ConsoleSchema.migrate(migrations))
                .isInstanceOf(HostApiException.class)
                .hasMessageContaining("schema version 8")
                .hasMessageContaining("start the sample console 0.1.0 on it once");
        assertThat(database.jdbc().list("SELECT version FROM host_schema_history WHERE version IS NOT NULL",
                row -> row.getString(1))).hasSize(8);
    }

    @Test
    void onMariaDbOnlyTheConsolesOwnDatabaseCountsNotAnotherOnTheSameServer() {
        try (MariaDb migrated = MariaDb.freshDatabase(); MariaDb fresh = MariaDb.freshDatabase();
             HostDatabase first = mariaDb(migrated); HostDatabase second = mariaDb(fresh)) {
            ConsoleSchema.migrate(first);

            assertThat(new Migrations(first.dataSource()).schemaPresent()).isTrue();
            assertThat(new Migrations(second.dataSource()).schemaPresent()).isFalse();
        }
    }

    @Test
    void aPluginsMigrationsRunFromItsClassLoaderIntoItsOwnHistoryAndReportTheirVersionWhenNothingIsPending()
            throws Exception {
        ConsoleSchema.migrate(migrations);
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
    void aPluginOlderThanItsTablesIsRefusedNamingThePluginAndItsTablesAreLeftAsTheyAre() throws Exception {
        ConsoleSchema.migrate(migrations);
        migrations.migratePlugin("demo-plugin", pluginWith("db/demo", Map.of(
                "V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, body VARCHAR(100));",
                "V2__author.sql", "ALTER TABLE demo_note ADD COLUMN author VARCHAR(50);")), "db/demo");
        database.jdbc().update("INSERT INTO demo_note (id, body, author) VALUES (1, 'kept', 'Lee')");
        ClassLoader older = pluginWith("db/demo", Map.of(
                "V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, body VARCHAR(100));"));

        assertThatThrownBy(() -> migrations.migratePlugin("demo-plugin", older, "db/demo"))
                .isInstanceOf(HostApiException.class)
                .hasMessageContaining("The tables of plugin 'demo-plugin' are newer than the plugin")
                .hasMessageContaining("demo_plugin_schema_history")
                .hasMessageContaining("install the plugin's newer version again");
        assertThat(database.jdbc().list("SELECT author FROM demo_note", row -> row.getString(1))).containsExactly("Lee");
    }

    @Test
    void aFailingPluginMigrationNamesThePluginAndTheLocationAndKeepsTheDataOfTheOnesBefore() throws Exception {
        ConsoleSchema.migrate(migrations);
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
    void aPluginCannotMigrateOutsideItsClassPathOrIntoTheKitsOrTheConsolesFolder() {
        ClassLoader plugin = getClass().getClassLoader();
        ConsoleSchema.migrate(migrations);

        assertThatThrownBy(() -> migrations.migratePlugin("demo", plugin, "../db"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("give a folder on the plugin's class path");
        assertThatThrownBy(() -> migrations.migratePlugin("demo", plugin, "classpath:db/hostkit"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("cannot use the console's migration folder");
        assertThatThrownBy(() -> migrations.migratePlugin("demo", plugin, "db/console/more"))
                .isInstanceOf(HostApiException.class).hasMessageContaining("migration folder 'db/console'");
    }

    private HostDatabase mariaDb(MariaDb server) {
        return HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString(), "--db-url", server.url(), "--db-user", server.user()}, Map.of()));
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
