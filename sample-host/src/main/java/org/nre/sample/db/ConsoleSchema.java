package org.nre.sample.db;

import java.util.Optional;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.db.Migrations;

/** The console's schema: the host kit's tables first, then the console's own, each with its history. */
public final class ConsoleSchema {

    public static final String LOCATION = "db/console";
    public static final String HISTORY_TABLE = "console_schema_history";
    // A database made by the sample console 0.1 holds the tables of this folder's V1 and V2 already.
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
        return migrate(new Migrations(database.dataSource()));
    }
}
