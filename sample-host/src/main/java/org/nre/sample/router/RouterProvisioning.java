package org.nre.sample.router;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.hostkit.settings.SecretStore;
import org.nre.hostkit.settings.SettingsStore;
import org.nre.sample.HostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the NRE plugin at a router from the console's own configuration: at the embedded simulated router,
 * at a real router given by URL (with its key and secret from the environment), or nowhere (the plugin's
 * settings panel decides).
 */
public final class RouterProvisioning {

    /** The NRE plugin's id and the names of its settings, as docs/operator-guide.md lists them. */
    public static final String NRE_PLUGIN = "nre";
    static final String ROUTER_URL = "router-url";
    static final String DISTRICT_KEY = "district-key";
    static final String SHARED_SECRET = "shared-secret";
    static final String POLL_INTERVAL = "poll-interval-seconds";
    /** The simulated vendor's own namespace for the credentials it issued. */
    static final String SIMULATOR = "simulated-router";
    /** A simulated vendor answers at once: poll it often, so that a decision shows within seconds. */
    static final String SIMULATED_POLL_SECONDS = "10";

    private static final Logger LOG = LoggerFactory.getLogger(RouterProvisioning.class);

    private RouterProvisioning() {
    }

    /**
     * Applies the configuration.
     *
     * @param simulated the simulated router, listening but not yet open, when the console runs one
     */
    public static void apply(HostConfig config, SettingsStore settings, SecretStore secrets,
                             Optional<SimulatedRouter> simulated, SecureRandom random) {
        Settings nre = settings.forPlugin(NRE_PLUGIN);
        Secrets nreSecrets = secrets.forPlugin(NRE_PLUGIN);
        if (simulated.isPresent()) {
            SimulatedRouter router = simulated.get();
            SimulatedRouter.Credentials credentials = simulatorCredentials(settings.forPlugin(SIMULATOR),
                    secrets.forPlugin(SIMULATOR), random);
            router.open(credentials);
            nre.put(ROUTER_URL, router.url());
            nre.put(DISTRICT_KEY, credentials.districtKey());
            nreSecrets.put(SHARED_SECRET, credentials.sharedSecret());
            if (nre.get(POLL_INTERVAL).isEmpty()) {
                nre.put(POLL_INTERVAL, SIMULATED_POLL_SECONDS);
            }
            LOG.info("Simulated router at {} (the vendor's side is on the console's Simulated router page)", router.url());
            return;
        }
        if (!HostConfig.ROUTER_FROM_SETTINGS.equals(config.router())) {
            nre.put(ROUTER_URL, config.router());
            if (!config.routerKey().isBlank()) {
                nre.put(DISTRICT_KEY, config.routerKey().strip());
            }
            if (!config.routerSecret().isEmpty()) {
                nreSecrets.put(SHARED_SECRET, config.routerSecret());
            }
            LOG.info("The NRE plugin uses the router at {}{}", config.router(),
                    nre.get(DISTRICT_KEY).isPresent() && nreSecrets.isSet(SHARED_SECRET) ? ""
                            : " (set NRE_ROUTER_KEY and NRE_ROUTER_SECRET, or the plugin's settings panel)");
        }
    }

    private static SimulatedRouter.Credentials simulatorCredentials(Settings settings, Secrets secrets,
                                                                    SecureRandom random) {
        String key = settings.get(DISTRICT_KEY).orElseGet(() -> {
            String issued = "SIM-" + hex(random, 6).toUpperCase(java.util.Locale.ROOT);
            settings.put(DISTRICT_KEY, issued);
            return issued;
        });
        String secret = secrets.read(SHARED_SECRET).orElseGet(() -> {
            String issued = hex(random, 24);
            secrets.put(SHARED_SECRET, issued);
            return issued;
        });
        return new SimulatedRouter.Credentials(key, secret);
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
