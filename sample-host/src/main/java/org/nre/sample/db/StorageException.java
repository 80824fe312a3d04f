package org.nre.sample.db;

import org.nre.sample.ConsoleException;

/** The database refused or failed a statement. */
public class StorageException extends ConsoleException {

    private static final long serialVersionUID = 1L;

    StorageException(String what, Throwable cause) {
        super("The database failed (" + HostDatabase.rootMessage(cause) + ") while running: " + firstLine(what), cause);
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline) + " ...";
    }
}
