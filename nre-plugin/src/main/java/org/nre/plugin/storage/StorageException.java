package org.nre.plugin.storage;

/** The plugin's storage could not be read or written; the message says what, the cause says why. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read or written
     * @param cause the database's error
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
