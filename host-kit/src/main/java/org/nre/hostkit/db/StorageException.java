package org.nre.hostkit.db;

import org.nre.hostkit.HostKitException;

/** The database refused or failed a statement. */
public class StorageException extends HostKitException {

    private static final long serialVersionUID = 1L;

    StorageException(String what, Throwable cause) {
        super("The database failed (" + RootCause.message(cause) + ") while running: " + firstLine(what), cause);
    }

    /**
     * Whether the database could not be reached or could not serve (a lost connection, a server shutting down,
     * exhausted resources), as against a statement it refused: the first passes when the database is back.
     */
    public boolean unavailable() {
        return Transient.unavailable(this);
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
