package org.nre.hostapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of the host API. */
public final class HostApi {

    private static final String VERSION = readVersion();

    private HostApi() {
    }

    /**
     * The host API's version, which a host reports to PF4J so that a plugin's {@code Plugin-Requires}
     * is checked against it.
     *
     * @return a semantic version such as {@code 0.1.0}
     */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = HostApi.class.getResourceAsStream("host-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("host-api.properties is missing from the host-api jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
