package org.nre.hostkit;

/** A configuration value is wrong; the message names it and says what is allowed. */
public class ConfigException extends HostKitException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
