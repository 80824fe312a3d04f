package org.nre.sample;

import org.nre.hostkit.HostKitException;

/** The sample console's unchecked exception: the message says what went wrong and what to do. */
public class ConsoleException extends HostKitException {

    private static final long serialVersionUID = 1L;

    public ConsoleException(String message) {
        super(message);
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
