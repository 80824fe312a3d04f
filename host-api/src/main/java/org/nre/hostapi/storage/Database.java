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
     * as Flyway expects ({@code V1__create_registration.sql}) and must run on MariaDB and on H2 in
     * MariaDB mode.
     *
     * @param location the folder on the plugin's class path that holds the migrations
     * @return what was applied
     * @throws org.nre.hostapi.HostApiException when a migration fails; the message says which and why
     */
    MigrationResult migrate(String location);
}
