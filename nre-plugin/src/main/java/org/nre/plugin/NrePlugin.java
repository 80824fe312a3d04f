package org.nre.plugin;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.plugin.panel.PanelCache;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.settings.NreSettings;
import org.nre.plugin.settings.RouterProviders;
import org.nre.plugin.status.RouterHealthStore;
import org.nre.plugin.status.StatusPoller;
import org.nre.plugin.storage.Changes;
import org.nre.plugin.storage.Sql;
import org.nre.plugin.terms.TermsService;
import org.nre.plugin.terms.TermsStore;
import org.pf4j.Plugin;

/** The National Records Exchange plugin: sets up its storage, router client and status poller when started. */
public class NrePlugin extends Plugin {

    static final String MIGRATIONS = "db/nre";
    static final Duration FIRST_POLL = Duration.ofSeconds(5);

    /** What the plugin's extensions share while it runs. */
    record Parts(RegistrationStore registrations, TermsService terms, RouterHealthStore health, NreSettings settings,
                 RouterConnection router, Lifecycle lifecycle, ScheduledTask poller, PanelCache panelCache) {
    }

    private final PluginContext context;
    private final RouterPolicy policy;
    private volatile Parts parts;

    /**
     * Created by the host with the host's services.
     *
     * @param context the host's services for this plugin
     */
    public NrePlugin(PluginContext context) {
        this(context, RouterPolicy.DEFAULT);
    }

    NrePlugin(PluginContext context, RouterPolicy policy) {
        this.context = context;
        this.policy = policy;
    }

    @Override
    public void start() {
        MigrationResult migration = context.database().migrate(MIGRATIONS);
        log.info("NRE storage at schema version {} ({} migrations applied now)",
                migration.schemaVersion(), migration.applied());
        Sql sql = new Sql(context.database().dataSource(), Changes.MOVE_ON);
        Changes changes = new Changes(sql);
        RegistrationStore registrations = new RegistrationStore(sql);
        TermsService terms = new TermsService(new TermsStore(sql), context.clock());
        RouterHealthStore health = new RouterHealthStore(sql);
        NreSettings settings = new NreSettings(context.settings(), context.secrets(), changes::movedOn,
                () -> RouterProviders.first(context.extensions()));
        settings.allowedNetworksProblem().ifPresent(log::error);
        SplittableRandom random = new SplittableRandom();
        RouterConnection router = new RouterConnection(settings::router, policy, context.clock(), random, health);
        Lifecycle lifecycle = new Lifecycle(registrations, terms, router, context.district(), context.host(),
                context.audit(), context.clock(), () -> UUID.randomUUID().toString());
        ScheduledTask poller = context.scheduler().schedule("status", FIRST_POLL,
                new StatusPoller(lifecycle, router, settings, random));
        parts = new Parts(registrations, terms, health, settings, router, lifecycle, poller,
                new PanelCache(changes, context.clock()));
    }

    @Override
    public void stop() {
        Parts running = parts;
        parts = null;
        if (running != null) {
            running.poller().cancel();
            running.router().close();
        }
    }

    PluginContext context() {
        return context;
    }

    Parts parts() {
        Parts running = parts;
        if (running == null) {
            throw new IllegalStateException("The NRE plugin is not started");
        }
        return running;
    }
}
