package org.nre.sample.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.nre.sample.HostConfig;
import org.nre.sample.admin.Directory;
import org.nre.sample.audit.AuditStore;
import org.nre.sample.auth.Accounts;
import org.nre.sample.db.HostDatabase;
import org.nre.sample.panel.Panels;
import org.nre.sample.plugins.Contributions;
import org.nre.sample.plugins.PluginHost;
import org.nre.sample.rights.RightsMatrix;
import org.nre.sample.router.SimulatorStore;

/**
 * What the web layer needs from the rest of the console.
 *
 * @param config the console's configuration
 * @param productName the console's name
 * @param productVersion the console's version
 * @param database the database, for the health check
 * @param accounts users, sessions and sign-in
 * @param audit the audit log
 * @param plugins the plugins and their states
 * @param panels panels and their actions
 * @param simulator the simulated router's registry, when the console runs one
 * @param directory users and groups
 * @param matrix the tool-rights matrix
 */
public record Services(HostConfig config, String productName, String productVersion, HostDatabase database,
                       Accounts accounts, AuditStore audit, PluginHost plugins, Panels panels,
                       Optional<SimulatorStore> simulator, Directory directory, RightsMatrix matrix) {

    public Supplier<Contributions> contributions() {
        return plugins::contributions;
    }
}
