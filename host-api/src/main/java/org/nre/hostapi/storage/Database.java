package org.nre.hostapi.storage;

import java.sql.Connection;
import java.sql.SQLException;
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
     * Work done in one transaction.
     *
     * @param <T> what it answers
     */
    @FunctionalInterface
    interface Transaction<T> {

        /**
         * Runs the statements on the transaction's connection; the host commits or rolls back.
         *
         * @param connection the connection, auto-commit off: do not commit, roll back or close it
         * @return what the work answers
         * @throws SQLException when a statement fails
         */
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs the work as one transaction on a connection of the host's pool: committed whole, or rolled back whole.
     * When the database rolls it back because another transaction won (a deadlock, a serialization failure, a lock
     * wait that ran out, or on a Galera cluster another node's commit passing certification first), the host runs
     * the work again in a new transaction, a few times at most. The work may therefore run more than once: it must
     * do nothing outside the database that it cannot do twice.
     *
     * @param work the statements
     * @param <T> what the work answers
     * @return what the work answered in the transaction that committed
     * @throws SQLException the failure that ended it: at once when it is not such a collision, else the last one
     */
    <T> T transaction(Transaction<T> work) throws SQLException;

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
