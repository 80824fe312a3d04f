package org.nre.simulator;

import java.util.Optional;
import org.nre.api.router.ProvidedRouter;
import org.nre.api.router.RouterProvider;
import org.pf4j.Extension;

/** Offers the NRE plugin the simulated router, with the key and secret it issued, while the plugin runs. */
@Extension
public class SimulatedRouterProvider implements RouterProvider {

    private final SimulatorPlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose router this offers
     */
    public SimulatedRouterProvider(SimulatorPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public Optional<ProvidedRouter> router() {
        return plugin.provided();
    }
}
