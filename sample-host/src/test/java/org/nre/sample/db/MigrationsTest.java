package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.ServerDatabase;
import org.nre.hostkit.db.Migrations;
import org.nre.sample.HostConfig;

/**
 * The kit's, the console's and the plugins' migrations, each into its own history, on every product (tests that
 * adopt what an older console made run where that console ran: H2 and MariaDB).
 */
class MigrationsTest {

    /** The host kit's newest migration: its grants-by-right index. */
    static final String KIT_SCHEMA = "4";


    @TempDir
    Path dir;

    private HostDatabase database;
    private Migrations migrations;
    private ServerDatabase server;

    @BeforeEach
    void open() {
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString()}, Map.of()));
        migrations = new Migrations(database.dataSource(), database.product());
    }

    @AfterEach
    void close() {
        database.close();
        if (server != null) {
            server.close();
        }
    }

    /** Runs the test on the product: the embedded H2 opened for every test, or a fresh database on a server. */
    private void on(DatabaseProduct product) {
        if (product == DatabaseProduct.H2) {
            return;
        }
        database.close();
        server = ServerDatabase.fresh(product);
        database = open(server);
        migrations = new Migrations(database.dataSource(), database.product());
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aNewDatabaseGetsTheKitsTablesAndTheConsolesEachInItsOwnHistoryAndTheNextStartFindsNothingToApply(
            DatabaseProduct product) throws Exception {
        on(product);
        long count;
        int latest;
        try (var files = Files.list(Path.of("src/main/resources", ConsoleSchema.LOCATION))) {
            List<Integer> versions = files.filter(Files::isRegularFile)
                    .map(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))).toList();
            count = versions.size();
            latest = versions.stream().max(Integer::compare).orElseThrow();
        }

        MigrationResult first = ConsoleSchema.migrate(migrations);
        MigrationResult again = ConsoleSchema.migrate(migrations);

        assertThat(first).isEqualTo(new MigrationResult((int) count, String.valueOf(latest),
                ConsoleSchema.HISTORY_TABLE));
        assertThat(again).isEqualTo(new MigrationResult(0, String.valueOf(latest), ConsoleSchema.HISTORY_TABLE));
        assertThat(migrations.migrateKit()).isEqualTo(new MigrationResult(0, KIT_SCHEMA, Migrations.KIT_HISTORY_TABLE));
        assertThat(database.jdbc().one("SELECT generation FROM host_rights_generation", row -> row.getLong(1)))
                .contains(1L);
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aNewDatabaseHasNoConsoleSchemaUntilItIsMigrated(DatabaseProduct product) {
        on(product);
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

        // The console's migrations after the ones it had then (V3, the refused form's values; V4, the user search)
        // run once.
        assertThat(console).isEqualTo(new MigrationResult(3, "5", ConsoleSchema.HISTORY_TABLE));
        assertThat(migrations.migrateKit()).isEqualTo(new MigrationResult(0, KIT_SCHEMA, Migrations.KIT_HISTORY_TABLE));
        assertThat(database.jdbc().list("SELECT detail FROM host_audit", row -> row.getString(1)))
                .containsExactly("kept");
        assertThat(database.isUp()).isTrue();
    }

    @Test
    void aDatabaseWhoseConsoleHistoryHoldsTheSimulatedRoutersTablesStartsAndKeepsThemForTheSimulatorPlugin()
            throws Exception {
        // Consoles before 0.2 made the simulated router's tables as their own V2; the simulator plugin owns them now.
        Path before = consoleBeforeProductFolders();
        copy("console-before-0.2/" + ConsoleSchema.LOCATION + "/V2__simulated_router.sql",
                before.resolve(ConsoleSchema.LOCATION));
        oldFlyway(new URLClassLoader(new URL[] {before.toUri().toURL()}, null), ConsoleSchema.LOCATION,
                ConsoleSchema.HISTORY_TABLE);
        database.jdbc().update("INSERT INTO sim_terms (version, effective_date, body, published_at) VALUES "
                + "('2026-07', DATE '2026-07-01', 'kept', CURRENT_TIMESTAMP)");

        MigrationResult console = ConsoleSchema.migrate(migrations);
        MigrationResult again = ConsoleSchema.migrate(migrations);

        // Its history holds the console's files of then and the router's V2, which Flyway passes over.
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

    @ParameterizedTest
    @EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
    void onAServerOnlyTheConsolesOwnDatabaseCountsNotAnotherOnTheSameServer(DatabaseProduct product) {
        try (ServerDatabase migrated = ServerDatabase.fresh(product); ServerDatabase fresh = ServerDatabase.fresh(product);
             HostDatabase first = open(migrated); HostDatabase second = open(fresh)) {
            ConsoleSchema.migrate(first);

            assertThat(new Migrations(first.dataSource(), product).schemaPresent()).isTrue();
            assertThat(new Migrations(second.dataSource(), product).schemaPresent()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aProductsFolderTakesThePlaceOfThePortableFileOfTheSameNameAndOtherProductsFoldersAreLeftOut(
            DatabaseProduct product) throws Exception {
        on(product);
        ConsoleSchema.migrate(migrations);
        ClassLoader plugin = pluginWith("db/demo", Map.of(
                "V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, body VARCHAR(100));",
                "V2__kind.sql", "ALTER TABLE demo_note ADD COLUMN kind VARCHAR(20) DEFAULT 'portable';",
                "mariadb/V2__kind.sql", "ALTER TABLE demo_note ADD COLUMN kind VARCHAR(20) DEFAULT 'mariadb';",
                "postgresql/V2__kind.sql", "ALTER TABLE demo_note ADD COLUMN kind VARCHAR(20) DEFAULT 'postgresql';",
                "postgresql/V3__only_here.sql", "CREATE INDEX ix_demo_note_kind ON demo_note (kind);",
                "V4__note.sql", "INSERT INTO demo_note (id, body) VALUES (1, 'every product');"));

        MigrationResult result = migrations.migratePlugin("demo-plugin", plugin, "db/demo");

        boolean postgresql = product == DatabaseProduct.POSTGRESQL;
        assertThat(result).isEqualTo(new MigrationResult(postgresql ? 4 : 3, "4", "demo_plugin_schema_history"));
        assertThat(database.jdbc().list("SELECT kind FROM demo_note", row -> row.getString(1)))
                .as("H2 runs in MariaDB mode: it takes the mariadb folder's file when it has none of its own")
                .containsExactly(postgresql ? "postgresql" : "mariadb");
        assertThat(database.jdbc().list("SELECT script FROM demo_plugin_schema_history WHERE version = '2'",
                row -> row.getString(1))).containsExactly((postgresql ? "postgresql" : "mariadb") + "/V2__kind.sql");
        assertThat(migrations.migratePlugin("demo-plugin", plugin, "db/demo").applied()).isZero();
    }

    @Test
    void onH2ItsOwnFolderWinsOverMariaDbs() throws Exception {
        ConsoleSchema.migrate(migrations);
        ClassLoader plugin = pluginWith("db/demo", Map.of(
                "V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, kind VARCHAR(20));",
                "mariadb/V2__kind.sql", "INSERT INTO demo_note (id, kind) VALUES (1, 'mariadb');",
                "h2/V2__kind.sql", "INSERT INTO demo_note (id, kind) VALUES (1, 'h2');"));

        migrations.migratePlugin("demo-plugin", plugin, "db/demo");

        assertThat(database.jdbc().list("SELECT kind FROM demo_note", row -> row.getString(1))).containsExactly("h2");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseProduct.class, names = {"H2", "MARIADB"})
    void tablesMigratedBeforeProductFoldersExistedMigrateOnWithTheirHistoryAsItWas(DatabaseProduct product)
            throws Exception {
        on(product);
        // What consoles before product folders ran: Flyway over each folder as it was, every file on every product.
        ClassLoader earlier = new URLClassLoader(new URL[] {consoleBeforeProductFolders().toUri().toURL()}, null);
        oldFlyway(earlier, Migrations.KIT_LOCATION, Migrations.KIT_HISTORY_TABLE);
        oldFlyway(earlier, ConsoleSchema.LOCATION, ConsoleSchema.HISTORY_TABLE);
        Map<String, String> portable = Map.of(
                "V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, body VARCHAR(100));");
        oldFlyway(pluginWith("db/demo", portable), "db/demo", "demo_plugin_schema_history");
        database.jdbc().update("INSERT INTO demo_note (id, body) VALUES (7, 'kept')");
        Map<String, String> now = new java.util.HashMap<>(portable);
        now.put("postgresql/V1__notes.sql", "CREATE TABLE demo_note (id INT PRIMARY KEY, body TEXT);");
        now.put("V2__author.sql", "ALTER TABLE demo_note ADD COLUMN author VARCHAR(50);");

        assertThat(ConsoleSchema.migrate(migrations).applied()).isZero();
        assertThat(migrations.migrateKit().applied()).isZero();
        assertThat(migrations.migratePlugin("demo-plugin", pluginWith("db/demo", now), "db/demo"))
                .isEqualTo(new MigrationResult(1, "2", "demo_plugin_schema_history"));
        assertThat(database.jdbc().list("SELECT body FROM demo_note", row -> row.getString(1))).containsExactly("kept");
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aPluginsMigrationsRunFromItsClassLoaderIntoItsOwnHistoryAndReportTheirVersionWhenNothingIsPending(
            DatabaseProduct product) throws Exception {
        on(product);
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

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aPluginOlderThanItsTablesIsRefusedNamingThePluginAndItsTablesAreLeftAsTheyAre(DatabaseProduct product)
            throws Exception {
        on(product);
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

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void aFailingPluginMigrationNamesThePluginAndTheLocationAndKeepsTheDataOfTheOnesBefore(DatabaseProduct product)
            throws Exception {
        on(product);
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

    private HostDatabase open(ServerDatabase server) {
        return HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString(), "--db-url",
                server.url(), "--db-user", server.user()}, Map.of("NRE_DB_PASSWORD", server.password())));
    }

    private void oldFlyway(ClassLoader classLoader, String location, String table) {
        Flyway.configure(classLoader).dataSource(database.dataSource()).locations("classpath:" + location).table(table)
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    }

    /** The kit's and the console's migration folders as they were before product folders: the files in them. */
    private Path consoleBeforeProductFolders() throws Exception {
        Path before = dir.resolve("before");
        copy(Migrations.KIT_LOCATION + "/V1__host_kit.sql", before.resolve(Migrations.KIT_LOCATION));
        try (var files = Files.list(Path.of("src/main/resources", ConsoleSchema.LOCATION))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                copy(ConsoleSchema.LOCATION + "/" + file.getFileName(), before.resolve(ConsoleSchema.LOCATION));
            }
        }
        return before;
    }

    /** Copies a resource of the class path into a folder. */
    private static void copy(String resource, Path folder) throws Exception {
        Path target = Files.createDirectories(folder).resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (var in = MigrationsTest.class.getResourceAsStream("/" + resource)) {
            Files.copy(in, target);
        }
    }

    private ClassLoader pluginWith(String location, Map<String, String> scripts) throws Exception {
        Path root = Files.createTempDirectory(dir, "plugin");
        Path folder = Files.createDirectories(root.resolve(location));
        for (Map.Entry<String, String> script : scripts.entrySet()) {
            Path file = folder.resolve(script.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, script.getValue());
        }
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }
}
