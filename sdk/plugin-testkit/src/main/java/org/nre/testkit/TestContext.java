package org.nre.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Migrations;
import org.nre.hostkit.metrics.ConsoleMetrics;
import org.nre.hostkit.notice.Addressees;
import org.nre.hostkit.notice.NoticeBoard;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.settings.SecretStore;
import org.nre.hostkit.settings.SettingsStore;
import org.pf4j.ExtensionPoint;

/**
 * The console's side of a plugin's test: a {@link PluginContext} whose settings, secrets (encrypted), audit log,
 * notices (mailed to nobody) and migrations are the host kit's own, over a real database, with a clock and a
 * scheduler the test drives. Use it to
 * test a plugin's parts that take a context; {@link PluginHarness} also creates and starts the plugin on one.
 *
 * <pre>{@code
 * try (TestContext console = TestContext.forPlugin("hello").setting("greeting", "Hi").start()) {
 *     GreetingStore store = new GreetingStore(console.context());
 *     ...
 * }
 * }</pre>
 */
public final class TestContext implements AutoCloseable {

    /** The district a test's console serves unless told otherwise. */
    public static final District DISTRICT = new District("IL-0150", "Prairie Valley CUSD 150", "IL", List.of(
            new CensusLocality("High School", "Springfield", "62704", 612),
            new CensusLocality("Middle School", "Springfield", "62711", 138)));

    /** The console a test plays unless told otherwise. */
    public static final HostInfo HOST = new HostInfo("Test Console", "1.0", "test", "127.0.0.1", ZoneId.of("UTC"));

    // One fixed key, so that a second console on the same database (a restart) reads the secrets the first wrote.
    private static final String SECRETS_KEY = Base64.getEncoder().encodeToString(
            "plugin-testkit-secrets-key-32byt".getBytes(StandardCharsets.US_ASCII));

    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final TestClock clock;
    private final Path dataDir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final ConsoleMetrics metrics = new ConsoleMetrics();
    private final Jdbc jdbc;
    private final AuditStore audit;
    private final PluginContext context;
    // Known once a harness has found the plugin's extensions; until then notices name rights and panels unchecked.
    private volatile Contributions contributions;
    private boolean closed;

    TestContext(ConsoleSetup<?> setup) {
        String pluginId = setup.pluginId;
        ownsDatabase = setup.database == null;
        database = ownsDatabase ? TestDatabase.h2() : setup.database;
        clock = setup.clock;
        DataSource dataSource = database.dataSource();
        jdbc = new Jdbc(dataSource, database.product());
        Migrations migrations = new Migrations(dataSource, database.product());
        migrations.migrateKit();
        try {
            dataDir = Files.createTempDirectory("plugin-testkit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit = new AuditStore(jdbc, clock);
        var settings = new SettingsStore(jdbc).forPlugin(pluginId);
        var secrets = SecretStore.open(jdbc, dataDir, SECRETS_KEY, new SecureRandom()).forPlugin(pluginId);
        setup.settings.forEach(settings::put);
        setup.secrets.forEach(secrets::put);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Database pluginDatabase = new Database() {
            @Override
            public DataSource dataSource() {
                return dataSource;
            }

            @Override
            public DatabaseProduct product() {
                return database.product();
            }

            @Override
            public MigrationResult migrate(String location) {
                return migrations.migratePlugin(pluginId, loader, location);
            }

            @Override
            public <T> T transaction(Transaction<T> work) throws SQLException {
                return jdbc.retried(work::run);
            }
        };
        Map<Class<?>, List<Object>> offered = Map.copyOf(setup.offered);
        Extensions others = new Extensions() {
            @Override
            public <T extends ExtensionPoint> List<T> find(Class<T> type) {
                return offered.getOrDefault(type, List.of()).stream().map(type::cast).toList();
            }
        };
        Optional<District> district = setup.district;
        context = new PluginContext(pluginId, pluginDatabase, setup.host, () -> district, audit.forPlugin(pluginId),
                clock, scheduler, settings, secrets, others,
                new NoticeBoard(jdbc, clock, Addressees.none(), () -> contributions).forPlugin(pluginId),
                metrics.forPlugin(pluginId));
    }

    /**
     * Starts describing the console for a plugin.
     *
     * @param pluginId the plugin's id, as in its {@code Plugin-Id}
     * @return the builder
     */
    public static Builder forPlugin(String pluginId) {
        return new Builder(pluginId);
    }

    /**
     * The context, as a console gives it to the plugin.
     *
     * @return the context
     */
    public PluginContext context() {
        return context;
    }

    /**
     * The clock the plugin reads.
     *
     * @return the clock
     */
    public TestClock clock() {
        return clock;
    }

    /**
     * The database under the context.
     *
     * @return the database
     */
    public TestDatabase database() {
        return database;
    }

    /**
     * The audit log, oldest first: what the plugin recorded, and what the console recorded for its panels.
     *
     * @return the entries
     */
    public List<AuditEntry> audit() {
        return jdbc.list("SELECT at, source, actor_id, action, detail FROM host_audit ORDER BY id",
                row -> new AuditEntry(Jdbc.instant(row, "at"), row.getString("source"), row.getString("actor_id"),
                        row.getString("action"), row.getString("detail")));
    }

    /**
     * The plugin's open notices, oldest first, as the console keeps them in its database.
     *
     * @return the notices
     */
    public List<Notice> notices() {
        return context.notices().open();
    }

    /**
     * What the plugin recorded through its context's metrics.
     *
     * @return the metrics, read when asked
     */
    public RecordedMetrics metrics() {
        return new RecordedMetrics(metrics);
    }

    /**
     * The names of the tasks the plugin has scheduled and not cancelled.
     *
     * @return the names
     */
    public List<String> scheduledTasks() {
        return scheduler.names();
    }

    /**
     * Runs a scheduled task once, now, as a console's scheduler would on one node.
     *
     * @param name the task's name
     * @return the pause the task asks for before its next run
     * @throws Exception what the task threw
     */
    public Duration runTask(String name) throws Exception {
        return live(name).work.run();
    }

    /**
     * Whether the plugin asked for a task to run soon (through {@code ScheduledTask.runSoon()}).
     *
     * @param name the task's name
     * @return true once asked
     */
    public boolean runSoonAsked(String name) {
        return scheduler.live(name).map(task -> task.runSoonAsked).orElse(false);
    }

    /**
     * The first pause a task was scheduled with.
     *
     * @param name the task's name
     * @return the pause
     */
    public Duration firstDelay(String name) {
        return live(name).firstDelay;
    }

    /** Cancels the plugin's tasks; closes the database when this console made it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.cancelAll();
        metrics.close();
        try {
            if (ownsDatabase) {
                database.close();
            }
        } finally {
            deleteDataDir();
        }
    }

    AuditStore auditStore() {
        return audit;
    }

    /** What the plugin contributes, so that its notices are checked as a console checks them. */
    void contributions(Contributions known) {
        contributions = known;
    }

    private ManualScheduler.Task live(String name) {
        return scheduler.live(name).orElseThrow(() -> new AssertionError(
                "No task '" + name + "' is scheduled; scheduled: " + scheduler.names()));
    }

    private void deleteDataDir() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }

    /** What the console is like; every value has a default. */
    public static final class Builder extends ConsoleSetup<Builder> {

        private Builder(String pluginId) {
            super(pluginId);
        }

        /**
         * Builds the context: the host kit's tables are created, the settings and secrets given are stored.
         *
         * @return the console; close it at the end of the test
         */
        public TestContext start() {
            return new TestContext(this);
        }
    }
}
