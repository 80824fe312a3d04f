package org.nre.plugin.storage;

/**
 * The version of everything the plugin stores: {@link Sql} moves it on in the same transaction as every write
 * (so no write can forget to), and a reader compares it with the version it last read at to know, with one
 * cheap read, whether its copy is still current on this node whatever node wrote since.
 */
public final class Changes {

    /** The statement {@link Sql} runs in every write transaction. */
    public static final String MOVE_ON = "UPDATE nre_change SET version = version + 1 WHERE slot = 1";

    private final Sql sql;

    public Changes(Sql sql) {
        this.sql = sql;
    }

    /** The version now. */
    public long version() {
        return sql.one("SELECT version FROM nre_change WHERE slot = 1", row -> row.getLong(1)).orElse(0L);
    }

    /** Moves the version on for a change stored elsewhere than the plugin's tables (its settings in the host). */
    public void movedOn() {
        sql.inTransaction(connection -> null);
    }
}
