package org.nre.hostapi.storage;

/**
 * The database products a host may run on. A plugin's migrations may hold a folder per product for the SQL that
 * must differ, named as each constant's {@link #folder()} (see {@link Database#migrate}).
 */
public enum DatabaseProduct {
    /** MariaDB, or a MariaDB Galera cluster. */
    MARIADB("mariadb"),
    /** H2 in MariaDB mode, for embedded and trial installations. */
    H2("h2"),
    /** PostgreSQL 15 or later. */
    POSTGRESQL("postgresql");

    private final String folder;

    DatabaseProduct(String folder) {
        this.folder = folder;
    }

    /**
     * The name of the product's own migrations folder inside a plugin's migrations folder.
     *
     * @return {@code mariadb}, {@code h2} or {@code postgresql}
     */
    public String folder() {
        return folder;
    }
}
