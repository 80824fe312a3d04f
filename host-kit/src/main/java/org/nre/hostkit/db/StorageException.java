package org.nre.hostkit.db;

import org.nre.hostkit.HostKitException;

/** The database refused or failed a statement. */
public class StorageException extends HostKitException {

    private static final long serialVersionUID = 1L;

    StorageException(String what, Throwable cause) {
        super("The database failed (" + RootCause.message(cause) + ") while running: " + firstLine(what), cause);
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
