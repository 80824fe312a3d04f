package org.nre.simulator;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.nre.api.router.ProvidedRouter;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.simulator.http.RouterCredentials;
import org.nre.simulator.http.RouterServer;
import org.nre.simulator.store.SimulatorStore;
import org.nre.simulator.vendor.VendorDesk;
import org.pf4j.Plugin;

/**
 * The simulated registration router: a stand-in for the vendor's router on a loopback port, which it offers the
 * NRE plugin while it runs, and the vendor's side as a panel. For trying the tool without the vendor; never for
 * production.
 */
public class SimulatorPlugin extends Plugin {

    static final String MIGRATIONS = "db/simulator";
    static final String ROUTER_NAME = "Simulated router";
    /** A simulated vendor decides as soon as someone plays it: polled often, a decision shows within seconds. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

    /** What the plugin's extensions share while it runs. */
    record Parts(SimulatorStore store, RouterServer server, RouterCredentials credentials, VendorDesk desk) {
    }

    private final PluginContext context;
    private final SecureRandom random;
    private volatile Parts parts;

    /**
     * Created by the host with the host's services.
     *
     * @param context the host's services for this plugin
     */
    public SimulatorPlugin(PluginContext context) {
        this(context, new SecureRandom());
    }

    SimulatorPlugin(PluginContext context, SecureRandom random) {
        this.context = context;
        this.random = random;
    }

    @Override
    public void start() {
        SimulatorSettings settings = new SimulatorSettings(context.settings(), context.secrets(), random);
        int port = settings.port();
        MigrationResult migration = context.database().migrate(MIGRATIONS);
        log.info("Simulated router storage at schema version {} ({} migrations applied now)",
                migration.schemaVersion(), migration.applied());
        SimulatorStore store = new SimulatorStore(context.database().dataSource(), context.clock());
        store.seed();
        RouterCredentials credentials = settings.credentials();
        RouterServer server;
        try {
            server = RouterServer.start(store, credentials, context.clock(), port);
        } catch (IOException e) {
            throw new IllegalStateException("The simulated router cannot listen on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "): free that port, or set "
                    + SimulatorSettings.qualified(SimulatorSettings.PORT)
                    + " to another (0 for any free port) in the console's plugin settings file.", e);
        }
        parts = new Parts(store, server, credentials,
                new VendorDesk(store, context.audit(), context.clock(), context.host().timeZone(), server.url()));
        log.info("Simulated router at {} (the vendor's side is the Vendor's side panel)", server.url());
    }

    @Override
    public void stop() {
        Parts running = parts;
        parts = null;
        if (running != null) {
            running.server().close();
        }
    }

    /** The router to offer the NRE plugin: the simulated one while the plugin runs. */
    Optional<ProvidedRouter> provided() {
        Parts running = parts;
        if (running == null) {
            return Optional.empty();
        }
        return Optional.of(new ProvidedRouter(ROUTER_NAME, running.server().url(), running.credentials().districtKey(),
                running.credentials().sharedSecret(), POLL_INTERVAL));
    }

    Parts parts() {
        Parts running = parts;
        if (running == null) {
            throw new IllegalStateException("The simulated router plugin is not started");
        }
        return running;
    }
}
