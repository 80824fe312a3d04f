package org.nre.hostkit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Migrations;
import org.nre.hostkit.health.ContributedHealth;
import org.nre.hostkit.health.HealthChecks;
import org.nre.hostkit.metrics.ConsoleMetrics;
import org.nre.hostkit.notice.Addressees;
import org.nre.hostkit.notice.MailSender;
import org.nre.hostkit.notice.MailSettings;
import org.nre.hostkit.notice.NoticeBoard;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginCalls;
import org.nre.hostkit.plugins.PluginHost;
import org.nre.hostkit.plugins.PluginStates;
import org.nre.hostkit.plugins.PluginStatus;
import org.nre.hostkit.plugins.PluginTrust;
import org.nre.hostkit.render.JsonMapping;
import org.nre.hostkit.render.PanelHtml;
import org.nre.hostkit.render.PanelJson;
import org.nre.hostkit.rights.Memberships;
import org.nre.hostkit.rights.RightsCache;
import org.nre.hostkit.rights.RightsStore;
import org.nre.hostkit.schedule.LeaseScheduler;
import org.nre.hostkit.settings.SecretStore;
import org.nre.hostkit.settings.SettingsStore;

/**
 * Everything a console needs to host plugins behind host-api, wired once: plugin loading and checks, the context
 * each plugin gets (database and its own migrations, settings, write-only secrets, audit, the cluster-wide
 * scheduler, extensions between plugins), contributions, the rights engine and its storage, the panel service and
 * its renderers. The console supplies the acting user, sessions, CSRF, routes and the page around a panel.
 *
 * <p>Building touches no database. Then, in order: {@link #migrate()} the kit's tables, the console's own
 * migrations if any (through {@link #migrations()}), {@link #startPlugins()}; and {@link #close()} at the end.
 */
public final class HostKit implements AutoCloseable {

    private final Jdbc jdbc;
    private final Migrations migrations;
    private final AuditStore audit;
    private final SettingsStore settings;
    private final SecretStore secrets;
    private final LeaseScheduler scheduler;
    private final RightsStore rights;
    private final RightsCache rightsCache;
    private final PluginHost plugins;
    private final Panels panels;
    private final NoticeBoard notices;
    private final HealthChecks healthChecks;
    private final MailSender mailSender;
    private final ConsoleMetrics metrics = new ConsoleMetrics();
    private final PanelHtml html = new PanelHtml();
    private final PanelJson json = new PanelJson(JsonMapping.mapper());

    private HostKit(Builder builder) {
        Clock clock = builder.clock;
        jdbc = new Jdbc(builder.dataSource, builder.product);
        migrations = new Migrations(builder.dataSource, builder.product);
        audit = new AuditStore(jdbc, clock);
        settings = new SettingsStore(jdbc);
        secrets = SecretStore.open(jdbc, builder.dataDir, builder.secretsKey, builder.random);
        scheduler = new LeaseScheduler(jdbc, clock, builder.nodeId);
        rights = new RightsStore(jdbc);
        rightsCache = new RightsCache(rights, builder.memberships);
        notices = new NoticeBoard(jdbc, clock, builder.addressees, this::contributions, builder.mail);
        mailSender = builder.mail == null ? null : new MailSender(jdbc, clock, builder.mail, builder.nodeId);
        HostInfo host = builder.host;
        DistrictDirectory district = builder.district;
        DataSource dataSource = builder.dataSource;
        DatabaseProduct product = builder.product;
        plugins = new PluginHost(builder.pluginsDir, builder.developmentPlugins, new PluginStates(jdbc, clock),
                (pluginId, calls, extensions) -> new PluginContext(pluginId,
                        database(dataSource, product, pluginId, calls), host, district, audit.forPlugin(pluginId),
                        clock, scheduler.forPlugin(pluginId, calls), settings.forPlugin(pluginId),
                        secrets.forPlugin(pluginId), extensions, notices.forPlugin(pluginId),
                        metrics.forPlugin(pluginId)),
                pluginId -> {
                    scheduler.cancelAll(pluginId);
                    metrics.forget(pluginId);
                }, builder.trust);
        metrics.pluginStates(() -> plugins.statuses().stream().map(PluginStatus::state).toList());
        panels = new Panels(plugins::contributions, audit, plugins::reportFailure);
        healthChecks = new HealthChecks(() -> plugins.offered(HealthCheck.class));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Console-wide notices: what each user is shown, what they dismissed, and what is owed by e-mail. */
    public NoticeBoard notices() {
        return notices;
    }

    /** Applies the kit's own migrations; run before the console's and before the plugins start. */
    public MigrationResult migrate() {
        return migrations.migrateKit();
    }

    /**
     * Starts every plugin found, each with its context; a plugin that fails is reported, not fatal. Then, when mail
     * is configured, the sending of the notices' e-mails on a thread of its own.
     */
    public void startPlugins() {
        plugins.start();
        if (mailSender != null) {
            mailSender.start();
        }
    }

    /** The migrations runner, for the console's own tables in the same schema, each owner with its history. */
    public Migrations migrations() {
        return migrations;
    }

    /** The console's own statements through the kit's transaction helper (one transaction per thread). */
    public Jdbc jdbc() {
        return jdbc;
    }

    public AuditStore audit() {
        return audit;
    }

    public SettingsStore settings() {
        return settings;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public LeaseScheduler scheduler() {
        return scheduler;
    }

    /** Grants of tool rights to users and groups, their versions, and the rights generation. */
    public RightsStore rights() {
        return rights;
    }

    /** Each user's effective rights, recomputed only when the rights generation moves on. */
    public RightsCache rightsCache() {
        return rightsCache;
    }

    public PluginHost plugins() {
        return plugins;
    }

    /** Shows panels and runs their actions with the level checks, containment and confirmation. */
    public Panels panels() {
        return panels;
    }

    /** The console's and the plugins' metrics, for the console's own meters and its Prometheus endpoint. */
    public ConsoleMetrics metrics() {
        return metrics;
    }

    /** Runs the health checks the started plugins contribute, each within {@link HealthChecks#TIME_LIMIT}. */
    public ContributedHealth health() {
        return healthChecks.run();
    }

    /** Renders a shown panel's sections as an escaped HTML fragment. */
    public PanelHtml html() {
        return html;
    }

    /** Writes a shown panel as JSON. */
    public PanelJson json() {
        return json;
    }

    /** Stops the notices' e-mails, the scheduler's tasks and every plugin. */
    @Override
    public void close() {
        if (mailSender != null) {
            mailSender.close();
        }
        scheduler.close();
        plugins.close();
        healthChecks.close();
        metrics.close();
    }

    /** What the started plugins contribute now, for checking the notices they raise. */
    private Contributions contributions() {
        return plugins.contributions();
    }

    private Database database(DataSource dataSource, DatabaseProduct product, String pluginId, PluginCalls calls) {
        return new Database() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public DatabaseProduct product() {
                return product;
            }

            @Override
            public MigrationResult migrate(String location) {
                return migrations.migratePlugin(pluginId, calls.classLoader(), location);
            }

            @Override
            public <T> T transaction(Transaction<T> work) throws SQLException {
                return jdbc.retried(work::run);
            }
        };
    }

    /** What a console gives the kit. Every value without a default must be set. */
    public static final class Builder {

        private DataSource dataSource;
        private DatabaseProduct product;
        private Clock clock = Clock.systemUTC();
        private HostInfo host;
        private DistrictDirectory district;
        private Memberships memberships;
        private Addressees addressees;
        private MailSettings mail;
        private Path pluginsDir;
        private List<Path> developmentPlugins = List.of();
        private PluginTrust trust = PluginTrust.load(null, null);
        private Path dataDir;
        private String secretsKey;
        private String nodeId;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /** The console's pool; plugins get it too, so it must serve the console's and the plugins' tables. */
        public Builder database(DataSource dataSource, DatabaseProduct product) {
            this.dataSource = dataSource;
            this.product = product;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The console's product, version, application name and address, as plugins see them. */
        public Builder host(HostInfo host) {
            this.host = host;
            return this;
        }

        /** The district the console serves, as plugins see it. */
        public Builder district(DistrictDirectory district) {
            this.district = district;
            return this;
        }

        /** The groups each user belongs to: users and groups are the console's own. */
        public Builder memberships(Memberships memberships) {
            this.memberships = memberships;
            return this;
        }

        /** Who holds a right and how to reach a user, for the notices plugins raise. */
        public Builder addressees(Addressees addressees) {
            this.addressees = addressees;
            return this;
        }

        /** The SMTP server that the notices' e-mails go through; without it, notices are shown and not mailed. */
        public Builder mail(MailSettings settings) {
            this.mail = settings;
            return this;
        }

        /** The drop folder plugins are loaded from, in deployment mode. */
        public Builder pluginsDir(Path pluginsDir) {
            this.pluginsDir = pluginsDir;
            return this;
        }

        /** Plugin modules loaded from their build folders instead (development mode); none by default. */
        public Builder developmentPlugins(List<Path> developmentPlugins) {
            this.developmentPlugins = List.copyOf(developmentPlugins);
            return this;
        }

        /** The checksums and keys plugin zips must match; by default any sound zip is loaded. */
        public Builder trust(PluginTrust trust) {
            this.trust = trust;
            return this;
        }

        /**
         * Where the key that seals plugin secrets is kept (made on first use, readable by its owner only), or
         * the key itself, base64, from the console's environment (null when not given).
         */
        public Builder secrets(Path dataDir, String keyFromEnvironment) {
            this.dataDir = dataDir;
            this.secretsKey = keyFromEnvironment;
            return this;
        }

        /**
         * This node's name among the console's nodes, unique per process: it holds scheduler leases. By default
         * the machine's host name and a random suffix.
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = nodeId;
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = random;
            return this;
        }

        /**
         * The wired kit; nothing touches the database yet.
         *
         * @throws ConfigException when a required value is missing, naming it
         */
        public HostKit build() {
            require(dataSource, "database");
            require(product, "database");
            require(host, "host");
            require(district, "district");
            require(memberships, "memberships");
            require(addressees, "addressees");
            require(pluginsDir, "pluginsDir");
            require(dataDir, "secrets");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(random, "random");
            if (nodeId == null) {
                nodeId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
            }
            return new HostKit(this);
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "node";
            }
        }

        private static void require(Object value, String setter) {
            if (value == null) {
                throw new ConfigException("The host kit needs " + setter + "(...) set before build().");
            }
        }
    }
}
