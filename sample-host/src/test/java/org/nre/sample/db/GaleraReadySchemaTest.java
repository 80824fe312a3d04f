package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;
import org.nre.hostkit.db.Migrations;
import org.nre.sample.HostConfig;

/**
 * The whole schema a console on Galera holds (the kit's, the console's and every built plugin's tables, migrated on
 * MariaDB) is one Galera replicates: every table has a primary key and is InnoDB.
 */
class GaleraReadySchemaTest {

    @TempDir
    static Path dir;

    static ServerDatabase server;
    static HostDatabase database;
    /** Each built plugin's id and the migration folders its zip holds. */
    static final Map<String, List<String>> PLUGINS = new LinkedHashMap<>();

    @BeforeAll
    static void migrateEverything() throws IOException {
        server = ServerDatabase.fresh(DatabaseProduct.MARIADB);
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.resolve("data").toString(),
                "--db-url", server.url(), "--db-user", server.user()}, Map.of("NRE_DB_PASSWORD", server.password())));
        Migrations migrations = new Migrations(database.dataSource(), database.product());
        ConsoleSchema.migrate(migrations);
        Path folder = Path.of(System.getProperty("nre.test.plugins", "target/test-plugins"));
        try (Stream<Path> zips = Files.list(folder)) {
            for (Path zip : zips.filter(p -> p.toString().endsWith(".zip")).sorted().toList()) {
                migratePlugin(zip, migrations);
            }
        }
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSchemaHoldsTheKitsTheConsolesAndEveryBuiltPluginsTables() {
        assertThat(PLUGINS).containsKeys("nre", "simulated-router");
        List<String> tables = tables();
        assertThat(tables).contains(Migrations.KIT_HISTORY_TABLE, ConsoleSchema.HISTORY_TABLE, "host_audit",
                "host_user", "nre_registration", "sim_registration");
        PLUGINS.forEach((id, locations) -> {
            if (!locations.isEmpty()) {
                assertThat(tables).as("plugin %s migrated from %s", id, locations).contains(Migrations.historyTable(id));
            }
        });
    }

    @Test
    void everyTableHasAPrimaryKey() {
        List<String> withoutKey = database.jdbc().list("SELECT t.TABLE_NAME FROM information_schema.TABLES t "
                + "WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM "
                + "information_schema.TABLE_CONSTRAINTS c WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = "
                + "t.TABLE_NAME AND c.CONSTRAINT_TYPE = 'PRIMARY KEY') ORDER BY t.TABLE_NAME", row -> row.getString(1));

        assertThat(withoutKey).as("tables without a primary key (Galera needs one on every table) among %s", tables())
                .isEmpty();
    }

    @Test
    void everyTableIsInnoDbTheOnlyEngineGaleraReplicates() {
        List<String> otherEngines = database.jdbc().list("SELECT CONCAT(TABLE_NAME, ' (', ENGINE, ')') FROM "
                + "information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND "
                + "ENGINE <> 'InnoDB' ORDER BY TABLE_NAME", row -> row.getString(1));

        assertThat(otherEngines).as("tables Galera would not replicate").isEmpty();
    }

    private static List<String> tables() {
        return database.jdbc().list("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", row -> row.getString(1));
    }

    /**
     * Runs a plugin's migrations as the console does, from the plugin's own classes: the zip's classes/db folders
     * are unpacked and each migrated into the plugin's history.
     */
    private static void migratePlugin(Path zip, Migrations migrations) throws IOException {
        Path classes = Files.createDirectories(dir.resolve(zip.getFileName().toString()).resolve("classes"));
        String id;
        TreeSet<String> locations = new TreeSet<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry manifest = file.getEntry("classes/META-INF/MANIFEST.MF");
            try (InputStream in = file.getInputStream(manifest)) {
                id = new Manifest(in).getMainAttributes().getValue("Plugin-Id");
            }
            for (ZipEntry entry : file.stream().filter(e -> e.getName().startsWith("classes/db/")).toList()) {
                String name = entry.getName().substring("classes/".length());
                Path target = classes.resolve(name);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    // db/<folder>/... and db/<folder>/<product>/...: the plugin's location is db/<folder>.
                    String[] parts = name.split("/");
                    if (parts.length > 2) {
                        locations.add(parts[0] + "/" + parts[1]);
                    }
                }
            }
        }
        assertThat(id).as("Plugin-Id of %s", zip).isNotBlank();
        ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        for (String location : locations) {
            migrations.migratePlugin(id, loader, location);
        }
        PLUGINS.put(id, List.copyOf(locations));
    }
}
