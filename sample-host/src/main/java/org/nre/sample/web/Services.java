package org.nre.sample.web;

import java.util.function.Supplier;
import org.nre.hostkit.HostKit;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginHost;
import org.nre.sample.HostConfig;
import org.nre.sample.admin.Directory;
import org.nre.sample.auth.Accounts;
import org.nre.sample.db.HostDatabase;
import org.nre.sample.rights.ToolRights;

/**
 * What the web layer needs from the rest of the console.
 *
 * @param config the console's configuration
 * @param productName the console's name
 * @param productVersion the console's version
 * @param database the database, for the health check
 * @param accounts users, sessions and sign-in
 * @param kit the host kit: plugins and their states, panels and their renderers, the audit log
 * @param directory users and groups
 * @param toolRights tool rights: holders, grants and effective rights
 */
public record Services(HostConfig config, String productName, String productVersion, HostDatabase database,
                       Accounts accounts, HostKit kit, Directory directory,
                       ToolRights toolRights) {

    public AuditStore audit() {
        return kit.audit();
    }

    public PluginHost plugins() {
        return kit.plugins();
    }

    public Panels panels() {
        return kit.panels();
    }

    public Supplier<Contributions> contributions() {
        return kit.plugins()::contributions;
    }
}
