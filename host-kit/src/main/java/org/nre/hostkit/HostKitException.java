package org.nre.hostkit;

/** The host kit's unchecked exception: the message says what went wrong and what to do. */
public class HostKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HostKitException(String message) {
        super(message);
    }

    public HostKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
