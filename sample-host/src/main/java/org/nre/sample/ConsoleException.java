package org.nre.sample;

/** The sample console's unchecked exception: the message says what went wrong and what to do. */
public class ConsoleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConsoleException(String message) {
        super(message);
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
