package org.nre.hostapi;

/** The one unchecked exception of the host API: an invalid value, or a host service that failed. */
public class HostApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message that says what is wrong and what to do.
     *
     * @param message what is wrong and what to do
     */
    public HostApiException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause that led to it.
     *
     * @param message what is wrong and what to do
     * @param cause the underlying failure
     */
    public HostApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
