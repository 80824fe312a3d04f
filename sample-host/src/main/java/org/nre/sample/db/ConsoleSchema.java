package org.nre.sample.db;

import java.util.Optional;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.db.Migrations;

/** The console's schema: the host kit's tables first, then the console's own, each with its history. */
public final class ConsoleSchema {

    public static final String LOCATION = "db/console";
    public static final String HISTORY_TABLE = "console_schema_history";
    // A database made by the sample console 0.1 holds the console's tables already (it stood at what were V1 and V2).
    // V2 made the simulated router's tables, which the simulated router plugin owns now: a database that ran it
    // keeps it in its history. The console's next migration is V3, never a new V2; from V3 on Flyway calls that V2
    // missing, and the kit passes over it for a console that names its legacy version.
    private static final String LEGACY_VERSION = "2";

    private ConsoleSchema() {
    }

    /** Migrates the kit's tables and the console's; the result is the console's. */
    public static MigrationResult migrate(Migrations migrations) {
        migrations.migrateKit();
        return migrations.migrateConsole(ConsoleSchema.class.getClassLoader(), LOCATION, HISTORY_TABLE,
                Optional.of(LEGACY_VERSION));
    }

    /** Migrates the database's kit and console tables. */
    public static MigrationResult migrate(HostDatabase database) {
        return migrate(new Migrations(database.dataSource(), database.product()));
    }
}
