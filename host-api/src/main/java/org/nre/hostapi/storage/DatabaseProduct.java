package org.nre.hostapi.storage;

/** The database products a host may run on. */
public enum DatabaseProduct {
    /** MariaDB, or a MariaDB Galera cluster. */
    MARIADB,
    /** H2 in MariaDB mode, for embedded and trial installations. */
    H2
}
