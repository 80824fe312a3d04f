package org.nre.plugin;

import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.health.HealthResult;
import org.pf4j.Extension;

/** The health check {@code nre.poller}: whether the status poller keeps the registration in step. */
@Extension
public class NrePollerHealthCheck implements HealthCheck {

    static final String NAME = "poller";

    private final NrePlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose parts the check reads
     */
    public NrePollerHealthCheck(NrePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HealthResult check() {
        return plugin.parts().pollerFreshness().check();
    }
}
