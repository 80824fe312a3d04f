package org.nre.plugin;

import org.nre.hostapi.PluginContext;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.plugin.registration.RegistrationStore;
import org.pf4j.Plugin;

/** The National Records Exchange plugin: sets up its storage when the console starts it. */
public class NrePlugin extends Plugin {

    static final String MIGRATIONS = "db/nre";

    private final PluginContext context;
    private volatile RegistrationStore registrations;

    /**
     * Created by the host with the host's services.
     *
     * @param context the host's services for this plugin
     */
    public NrePlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        MigrationResult migration = context.database().migrate(MIGRATIONS);
        log.info("NRE storage at schema version {} ({} migrations applied now)",
                migration.schemaVersion(), migration.applied());
        registrations = new RegistrationStore(context.database().dataSource());
    }

    @Override
    public void stop() {
        registrations = null;
    }

    PluginContext context() {
        return context;
    }

    RegistrationStore registrations() {
        RegistrationStore store = registrations;
        if (store == null) {
            throw new IllegalStateException("The NRE plugin is not started");
        }
        return store;
    }
}
