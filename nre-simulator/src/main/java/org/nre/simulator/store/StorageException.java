package org.nre.simulator.store;

/** The simulated router's storage failed; the message says while doing what, and why. */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
