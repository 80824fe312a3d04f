package org.nre.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.simulator.http.RouterCredentials;

/**
 * The plugin's own settings: the loopback port, and the district key and shared secret the simulated vendor
 * issued once. The namespace is the plugin's id, {@code simulated-router}, which the sample console used for the
 * same credentials, so that a database it made keeps them.
 */
final class SimulatorSettings {

    static final String PORT = "port";
    static final String DISTRICT_KEY = "district-key";
    static final String SHARED_SECRET = "shared-secret";
    static final int MAX_PORT = 65_535;
    static final int KEY_BYTES = 6;
    static final int SECRET_BYTES = 24;

    private final Settings settings;
    private final Secrets secrets;
    private final SecureRandom random;

    SimulatorSettings(Settings settings, Secrets secrets, SecureRandom random) {
        this.settings = settings;
        this.secrets = secrets;
        this.random = random;
    }

    /**
     * The loopback port to listen on, 0 for any free one.
     *
     * @throws IllegalStateException when the setting is not a port, naming the setting and where it is set
     */
    int port() {
        Optional<String> value = settings.get(PORT).map(String::strip).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 0 && port <= MAX_PORT) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalStateException("The setting " + qualified(PORT) + " is '" + value.get() + "': give a port "
                + "from 1 to " + MAX_PORT + ", or 0 for any free port, in the console's plugin settings file.");
    }

    /** The key and secret the simulated vendor issued, issuing them on the first start. */
    RouterCredentials credentials() {
        String key = settings.get(DISTRICT_KEY).orElseGet(() -> {
            String issued = "SIM-" + hex(KEY_BYTES).toUpperCase(Locale.ROOT);
            settings.put(DISTRICT_KEY, issued);
            return issued;
        });
        String secret = secrets.read(SHARED_SECRET).orElseGet(() -> {
            String issued = hex(SECRET_BYTES);
            secrets.put(SHARED_SECRET, issued);
            return issued;
        });
        return new RouterCredentials(key, secret);
    }

    /** A setting's name as operators write it in the console's plugin settings file. */
    static String qualified(String name) {
        return SimulatorTool.PLUGIN_ID + "." + name;
    }

    private String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
