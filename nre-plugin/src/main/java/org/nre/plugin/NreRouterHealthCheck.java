package org.nre.plugin;

import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.health.HealthResult;
import org.pf4j.Extension;

/** The health check {@code nre.router}: whether the router answers, from what the plugin already knows. */
@Extension
public class NreRouterHealthCheck implements HealthCheck {

    static final String NAME = "router";

    private final NrePlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose parts the check reads
     */
    public NreRouterHealthCheck(NrePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthResult check() {
        return plugin.parts().reachability().check();
    }
}
