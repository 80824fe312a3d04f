package org.nre.hostapi.storage;

import javax.sql.DataSource;

/** The host's database, shared with the host through its connection pool. */
public interface Database {

    /**
     * Connections from the host's pool; close each one when done.
     *
     * @return the data source
     */
    DataSource dataSource();

    /**
     * Which database product the host runs on, for the rare statement that must differ.
     *
     * @return the product
     */
    DatabaseProduct product();

    /**
     * Applies the plugin's SQL migrations that have not run yet, from a folder of its own class path
     * such as {@code db/nre}, recording them in a history table of the plugin's own. Files are named
     * as Flyway expects ({@code V1__create_registration.sql}). A file directly in the folder runs on
     * every product, so its SQL must be portable; SQL that must differ goes into the product's
     * subfolder ({@link DatabaseProduct#folder()}: {@code mariadb}, {@code h2}, {@code postgresql}),
     * where a file takes the place of the portable file of the same name, or is added when none has
     * that name. The subfolders of other products are left out. H2 runs in MariaDB mode and takes the
     * {@code mariadb} folder's files unless its {@code h2} folder has one of the same name.
     *
     * @param location the folder on the plugin's class path that holds the migrations
     * @return what was applied
     * @throws org.nre.hostapi.HostApiException when a migration fails; the message says which and why
     */
    MigrationResult migrate(String location);
}
