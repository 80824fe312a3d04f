package org.nre.sample;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.HostKit;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Migrations;
import org.nre.hostkit.plugins.PluginHost;
import org.nre.hostkit.plugins.PluginTrust;
import org.nre.hostkit.rights.RightsStore;
import org.nre.hostkit.settings.PluginSettingsFile;
import org.nre.sample.admin.Directory;
import org.nre.sample.auth.Accounts;
import org.nre.sample.auth.Hashing;
import org.nre.sample.auth.NewPassword;
import org.nre.sample.auth.Passwords;
import org.nre.sample.auth.SessionStore;
import org.nre.sample.auth.SignInThrottle;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;
import org.nre.sample.directory.GroupStore;
import org.nre.sample.directory.UserStore;
import org.nre.sample.district.DemoData;
import org.nre.sample.district.DistrictStore;
import org.nre.sample.rights.NoticeAddressees;
import org.nre.sample.rights.RightHolders;
import org.nre.sample.rights.ToolRights;
import org.nre.sample.web.Services;
import org.nre.sample.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole sample console: database, host services, plugins and web server, started and stopped together. */
public final class Console implements AutoCloseable {

    public static final String PRODUCT_NAME = "NRE Sample Console";
    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final HostDatabase database;
    private final HostKit kit;
    private final WebServer web;

    private Console(HostDatabase database, HostKit kit, WebServer web) {
        this.database = database;
        this.kit = kit;
        this.web = web;
    }

    /**
     * Starts the console.
     *
     * @param config how to run
     * @param clock the clock every part reads
     * @param console where the first administrator's one-time password is printed
     * @return the running console
     * @throws ConsoleException when it cannot start, with what to do
     */
    public static Console start(HostConfig config, Clock clock, PrintStream console) {
        WebServer.settleJettyDefaults();
        SecureRandom random = new SecureRandom();
        HostDatabase database = HostDatabase.open(config);
        // Start-up runs on two cores: the HTTP server starts on a second thread while this one migrates the
        // database and starts the plugins; the server answers 503 "starting" until all is ready.
        CompletableFuture<WebServer> webStarting = null;
        CompletableFuture<Void> seeding = null;
        HostKit kit = null;
        try {
            // Wiring only: nothing here touches the database before it is migrated.
            UserStore users = new UserStore(database.jdbc(), clock);
            GroupStore groups = new GroupStore(database.jdbc(), clock);
            DistrictStore district = new DistrictStore(database.jdbc(), clock);
            PluginTrust trust = PluginTrust.load(config.pluginChecksums(), config.pluginKeys());
            if (config.developmentPlugins().isEmpty()) {
                LOG.info("{}", trust.describe());
            }
            kit = HostKit.builder()
                    .database(database.dataSource(), database.product())
                    .clock(clock)
                    .host(new HostInfo(PRODUCT_NAME, version(), config.applicationName(), config.serverAddress(),
                            config.timeZone()))
                    .district(district)
                    .memberships(groups::groupsOf)
                    .addressees(new NoticeAddressees(database.jdbc(), users))
                    .pluginsDir(config.pluginsDir())
                    .developmentPlugins(config.developmentPlugins())
                    .trust(trust)
                    .secrets(config.dataDir(), System.getenv("NRE_SECRETS_KEY"))
                    .random(random)
                    .build();
            Migrations migrations = kit.migrations();
            AuditStore audit = kit.audit();
            RightsStore rights = kit.rights();
            SessionStore sessions = new SessionStore(database.jdbc(), clock, random);
            Hashing hashing = Hashing.forThisJvm();
            Passwords passwords = new Passwords(random, hashing);
            Accounts accounts = new Accounts(users, sessions, passwords, audit,
                    new SignInThrottle(database.jdbc(), clock), kit.rightsCache(), kit.metrics().registry());
            database.meterInto(kit.metrics().registry());
            ToolRights toolRights = new ToolRights(rights, new RightHolders(database.jdbc()), groups, users, audit, clock);
            PluginHost plugins = kit.plugins();
            Directory directory = new Directory(users, groups, sessions, passwords, rights, audit, clock,
                    (groupId, members) -> toolRights.membershipReasons(plugins.contributions(), groupId, members));
            Services services = new Services(config, PRODUCT_NAME, version(), database, accounts, kit, directory,
                    toolRights);
            webStarting = CompletableFuture.supplyAsync(() -> WebServer.create(services).listen(),
                    Console::startThread);

            // A first start hashes two passwords with Argon2id, slow on purpose. On a new database they are hashed
            // from now on, beside the migrations; otherwise only if an account turns out to be missing.
            Executor ahead = migrations.schemaPresent() ? null : Console::startThread;
            NewPassword adminPassword = passwords.newPassword(config.adminPassword(), "NRE_ADMIN_PASSWORD",
                    List.of(Accounts.firstAdministrator(false)), ahead);
            NewPassword demoPassword = config.demoData() ? passwords.newPassword(config.demoPassword(),
                    "NRE_DEMO_PASSWORD", DemoData.STAFF, ahead) : null;
            kit.migrate();
            MigrationResult hostSchema = ConsoleSchema.migrate(migrations);
            LOG.info("Console database {} at schema version {}", database.product(), hostSchema.schemaVersion());
            if (config.demoData()) {
                DemoData.seedDistrict(district);
            }
            // The accounts are written on another thread while the plugins start here. Nobody can sign in before
            // they are, since the server serves only after.
            seeding = CompletableFuture.runAsync(() -> {
                accounts.ensureFirstAdministrator(adminPassword, console);
                if (demoPassword != null) {
                    DemoData.seedStaff(users, groups, rights, demoPassword, audit, console);
                }
            }, Console::startThread);
            if (config.pluginSettings() != null) {
                PluginSettingsFile.apply(config.pluginSettings(), kit.settings(), kit.secrets());
            }
            LOG.info("Console node {} (up to {} password checks at once)", kit.scheduler().nodeId(), hashing.size());
            kit.startPlugins();
            joined(seeding);
            WebServer web = joined(webStarting);
            web.serve();
            LOG.info("{} {} listening on {}://{}:{}/", PRODUCT_NAME, version(), config.tlsKeystore() == null ? "http"
                    : "https", config.bindAddress(), web.port());
            return new Console(database, kit, web);
        } catch (RuntimeException e) {
            // What the other threads still do ends before what they use is closed.
            CompletableFuture.allOf(Stream.of(webStarting, seeding).filter(Objects::nonNull)
                    .map(step -> step.exceptionally(failure -> null)).toArray(CompletableFuture[]::new)).join();
            if (kit != null) {
                kit.close();
            }
            if (webStarting != null) {
                webStarting.thenAccept(WebServer::close);
            }
            database.close();
            throw e;
        }
    }

    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "console-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T joined(CompletableFuture<T> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public int port() {
        return web.port();
    }

    public PluginHost plugins() {
        return kit.plugins();
    }

    /** The host kit the console runs on. */
    public HostKit kit() {
        return kit;
    }

    public HostDatabase database() {
        return database;
    }

    /** Every route the console serves, with its access rule. */
    public java.util.List<WebServer.Served> routes() {
        return web.served();
    }

    static String version() {
        String version = Console.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public void close() {
        web.close();
        kit.close();
        database.close();
    }
}
