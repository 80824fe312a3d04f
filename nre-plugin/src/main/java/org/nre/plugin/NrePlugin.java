package org.nre.plugin;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.plugin.metrics.NreMetrics;
import org.nre.plugin.metrics.RegistrationCounts;
import org.nre.plugin.notice.DecisionNotices;
import org.nre.plugin.notice.NreNotices;
import org.nre.plugin.panel.PanelCache;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationStore;
import org.nre.plugin.registration.StateChanges;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.settings.NreSettings;
import org.nre.plugin.settings.RouterProviders;
import org.nre.plugin.status.PollerFreshness;
import org.nre.plugin.status.PollerRuns;
import org.nre.plugin.status.RouterHealthStore;
import org.nre.plugin.status.RouterReachability;
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
                 RouterConnection router, Lifecycle lifecycle, ScheduledTask poller, PanelCache panelCache,
                 NreNotices notices, RouterReachability reachability, PollerFreshness pollerFreshness) {
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
        Sql sql = new Sql(context.database(), Changes.MOVE_ON);
        Changes changes = new Changes(sql);
        RegistrationStore registrations = new RegistrationStore(sql);
        TermsService terms = new TermsService(new TermsStore(sql), context.clock());
        RouterHealthStore health = new RouterHealthStore(sql);
        NreSettings settings = new NreSettings(context.settings(), context.secrets(), changes::movedOn,
                () -> RouterProviders.first(context.extensions()));
        settings.allowedNetworksProblem().ifPresent(log::error);
        settings.unreachableAfterProblem().ifPresent(log::error);
        SplittableRandom random = new SplittableRandom();
        NreMetrics metrics = new NreMetrics(context.metrics());
        Supplier<Optional<Registration>> current = () -> context.district().current()
                .flatMap(district -> registrations.current(district.id()));
        RegistrationCounts counts = new RegistrationCounts(current, context.clock());
        metrics.publish(counts);
        RouterConnection router = new RouterConnection(settings::router, policy, context.clock(), random, health,
                metrics);
        DecisionNotices decisions = new DecisionNotices(context.notices(), NreTool.PANEL_ID);
        StateChanges moved = (by, from, to) -> {
            counts.changed();
            decisions.moved(by, from, to);
        };
        Lifecycle lifecycle = new Lifecycle(registrations, terms, router, context.district(), context.host(),
                context.audit(), context.clock(), () -> UUID.randomUUID().toString(), moved);
        NreNotices notices = new NreNotices(new NreNotices.Sources(context.notices(), context.district(), registrations,
                terms, lifecycle, health, settings, context.clock(), context.host().timeZone(), NreTool.PANEL_ID,
                NreTool.RIGHT_ID));
        PollerRuns runs = new PollerRuns(sql);
        ScheduledTask poller = context.scheduler().schedule("status", FIRST_POLL,
                new StatusPoller(lifecycle, router, settings, random,
                        new StatusPoller.Reporting(runs, metrics, context.clock(), notices::evaluate)));
        parts = new Parts(registrations, terms, health, settings, router, lifecycle, poller,
                new PanelCache(changes, context.clock()), notices,
                new RouterReachability(health, settings, context.clock()),
                new PollerFreshness(runs, settings, current, context.clock()));
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
