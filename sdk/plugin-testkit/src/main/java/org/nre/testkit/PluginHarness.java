package org.nre.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Migrations;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.plugins.ContributionRules;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginCalls;
import org.nre.hostkit.settings.SecretStore;
import org.nre.hostkit.settings.SettingsStore;
import org.pf4j.ExtensionPoint;
import org.pf4j.Plugin;

/**
 * One plugin running in its own test, without a console: the plugin's main class created with a
 * {@link PluginContext} whose services are the console's own (the host kit's settings, secrets, audit log and
 * migrations over a real database), started, and its extensions found as PF4J finds them and checked as a console
 * checks them. Tasks the plugin schedules run when the test says; panels are driven as a given user.
 *
 * <pre>{@code
 * try (PluginHarness hello = PluginHarness.forPlugin("hello", HelloPlugin::new).start()) {
 *     PanelDriver panel = hello.panel("hello", TestUsers.holding("jdoe", "hello.greetings", Level.WRITE));
 *     assertThat(panel.act("send")).isInstanceOf(ActionResult.Success.class);
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {

    /** The district a harness's console serves unless told otherwise. */
    public static final District DISTRICT = new District("IL-0150", "Prairie Valley CUSD 150", "IL", List.of(
            new CensusLocality("High School", "Springfield", "62704", 612),
            new CensusLocality("Middle School", "Springfield", "62711", 138)));

    /** The console a harness plays unless told otherwise. */
    public static final HostInfo HOST = new HostInfo("Test Console", "1.0", "test", "127.0.0.1", ZoneId.of("UTC"));

    // One fixed key, so that a second harness on the same database (a restart) reads the secrets the first wrote.
    private static final String SECRETS_KEY = Base64.getEncoder().encodeToString(
            "plugin-testkit-secrets-key-32byt".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final String pluginId;
    private final TestDatabase database;
    private final boolean ownsDatabase;
    private final TestClock clock;
    private final Path dataDir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AuditStore audit;
    private final Jdbc jdbc;
    private final PluginContext context;
    private final Plugin plugin;
    private final List<Object> extensions;
    private final Contributions contributions;
    private final Panels panels;
    private boolean stopped;

    private PluginHarness(Builder builder) {
        pluginId = builder.pluginId;
        ownsDatabase = builder.database == null;
        database = ownsDatabase ? TestDatabase.h2() : builder.database;
        clock = builder.clock;
        DataSource dataSource = database.dataSource();
        jdbc = new Jdbc(dataSource);
        Migrations migrations = new Migrations(dataSource);
        migrations.migrateKit();
        try {
            dataDir = Files.createTempDirectory("plugin-testkit");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit = new AuditStore(jdbc, clock);
        Settings settings = new SettingsStore(jdbc).forPlugin(pluginId);
        Secrets secrets = SecretStore.open(jdbc, dataDir, SECRETS_KEY, new SecureRandom()).forPlugin(pluginId);
        builder.settings.forEach(settings::put);
        builder.secrets.forEach(secrets::put);
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
        };
        Map<Class<?>, List<Object>> offered = Map.copyOf(builder.offered);
        Extensions others = new Extensions() {
            @Override
            public <T extends ExtensionPoint> List<T> find(Class<T> type) {
                return offered.getOrDefault(type, List.of()).stream().map(type::cast).toList();
            }
        };
        Optional<District> district = builder.district;
        context = new PluginContext(pluginId, pluginDatabase, builder.host, () -> district,
                audit.forPlugin(pluginId), clock, scheduler, settings, secrets, others);
        plugin = builder.create.apply(context);
        if (plugin == null) {
            throw new IllegalStateException("The plugin's factory returned no plugin");
        }
        plugin.start();
        extensions = OwnExtensions.create(plugin, context, builder.extensionTypes);
        contributions = contributions(new PluginCalls(pluginId, loader));
        panels = new Panels(() -> contributions, audit, (id, message) -> failures.add(message));
    }

    /**
     * Starts describing a harness for a plugin.
     *
     * @param pluginId the plugin's id, as in its {@code Plugin-Id}
     * @param create creates the plugin's main class from its context, such as {@code HelloPlugin::new}
     * @return the builder
     */
    public static Builder forPlugin(String pluginId, Function<PluginContext, ? extends Plugin> create) {
        return new Builder(pluginId, create);
    }

    /**
     * The context the plugin was given.
     *
     * @return the context
     */
    public PluginContext context() {
        return context;
    }

    /**
     * The plugin's main class, created and started.
     *
     * @return the plugin
     */
    public Plugin plugin() {
        return plugin;
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
     * The database under the plugin's context.
     *
     * @return the database
     */
    public TestDatabase database() {
        return database;
    }

    /**
     * The plugin's own extensions of a type, as the console created them.
     *
     * @param type an extension point, such as {@code SettingsPanel.class}
     * @param <T> the type
     * @return the extensions
     */
    public <T> List<T> extensions(Class<T> type) {
        return extensions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The rights the plugin contributes.
     *
     * @return the rights, by id
     */
    public List<RightDefinition> rights() {
        return contributions.allRights().stream().map(Contributions.Right::definition).toList();
    }

    /**
     * The menu entries the plugin contributes.
     *
     * @return the entries
     */
    public List<MenuEntry> menuEntries() {
        return contributions.menuEntries().stream().map(Contributions.Menu::entry).toList();
    }

    /**
     * A panel as one user meets it.
     *
     * @param panelId the panel's id
     * @param user the user, such as {@link TestUsers#holding}
     * @return the driver
     */
    public PanelDriver panel(String panelId, ActingUser user) {
        return new PanelDriver(panels, panelId, user, () -> List.copyOf(failures));
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
        ManualScheduler.Task task = scheduler.live(name).orElseThrow(() -> new AssertionError(
                "No task '" + name + "' is scheduled; scheduled: " + scheduler.names()));
        return task.work.run();
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
        return scheduler.live(name).map(task -> task.firstDelay).orElseThrow(() -> new AssertionError(
                "No task '" + name + "' is scheduled; scheduled: " + scheduler.names()));
    }

    /**
     * The audit log, oldest first: what the plugin recorded and what the console recorded for its panels.
     *
     * @return the entries
     */
    public List<AuditEntry> audit() {
        return jdbc.list("SELECT at, source, actor_id, action, detail FROM host_audit ORDER BY id",
                row -> new AuditEntry(Jdbc.instant(row, "at"), row.getString("source"), row.getString("actor_id"),
                        row.getString("action"), row.getString("detail")));
    }

    /**
     * What went wrong inside the plugin during panel calls, as a console logs it.
     *
     * @return the messages
     */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops the plugin and cancels its tasks; closes the database when the harness made it. */
    @Override
    public void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            scheduler.cancelAll();
            plugin.stop();
        } finally {
            if (ownsDatabase) {
                database.close();
            }
            deleteDataDir();
        }
    }

    private Contributions contributions(PluginCalls calls) {
        Map<String, Contributions.Right> rights = new LinkedHashMap<>();
        for (RightContribution contribution : extensions(RightContribution.class)) {
            for (RightDefinition right : contribution.rights()) {
                if (rights.putIfAbsent(right.id(), new Contributions.Right(pluginId, right)) != null) {
                    throw refused("right", right.id(), "the plugin defines it twice");
                }
            }
        }
        Map<String, Contributions.Panel> panelsById = new LinkedHashMap<>();
        for (SettingsPanel panel : extensions(SettingsPanel.class)) {
            var definition = panel.definition();
            String problem = ContributionRules.panelProblem(definition, rights, panelsById);
            if (problem != null) {
                throw refused("panel", definition.id(), problem);
            }
            panelsById.put(definition.id(), new Contributions.Panel(pluginId, definition, panel, calls));
        }
        List<Contributions.Menu> menu = new ArrayList<>();
        Set<String> menuIds = new HashSet<>();
        for (MenuContribution contribution : extensions(MenuContribution.class)) {
            for (MenuEntry entry : contribution.menuEntries()) {
                String problem = ContributionRules.menuProblem(pluginId, entry, rights, panelsById, menuIds);
                if (problem != null) {
                    throw refused("menu entry", entry.id(), problem);
                }
                menuIds.add(entry.id());
                menu.add(new Contributions.Menu(pluginId, entry));
            }
        }
        return new Contributions(menu, rights, panelsById);
    }

    private static IllegalStateException refused(String kind, String id, String problem) {
        return new IllegalStateException("A console would refuse the " + kind + " '" + id + "': " + problem);
    }

    private void deleteDataDir() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind harms nothing
        }
    }

    /** What the harness's console is like; every value has a default. */
    public static final class Builder {

        private final String pluginId;
        private final Function<PluginContext, ? extends Plugin> create;
        private TestDatabase database;
        private TestClock clock = new TestClock(TestClock.DEFAULT_START);
        private HostInfo host = HOST;
        private Optional<District> district = Optional.of(DISTRICT);
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final Map<String, String> secrets = new LinkedHashMap<>();
        private final Map<Class<?>, List<Object>> offered = new LinkedHashMap<>();
        private final List<Class<?>> extensionTypes = new ArrayList<>();

        private Builder(String pluginId, Function<PluginContext, ? extends Plugin> create) {
            if (pluginId == null || pluginId.isBlank()) {
                throw new IllegalArgumentException("pluginId cannot be empty: use the plugin's Plugin-Id");
            }
            if (create == null) {
                throw new IllegalArgumentException("create cannot be null: pass the plugin's constructor");
            }
            this.pluginId = pluginId;
            this.create = create;
        }

        /**
         * Runs on this database, which the test closes itself (so that a second harness can start on it, as a
         * console restarts); without it, the harness makes a fresh H2 database and closes it.
         *
         * @param database the database
         * @return this builder
         */
        public Builder database(TestDatabase database) {
            this.database = database;
            return this;
        }

        /**
         * The clock the plugin reads.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(TestClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Facts about the console.
         *
         * @param host the facts
         * @return this builder
         */
        public Builder host(HostInfo host) {
            this.host = host;
            return this;
        }

        /**
         * The district the console serves.
         *
         * @param district the district
         * @return this builder
         */
        public Builder district(District district) {
            this.district = Optional.of(district);
            return this;
        }

        /**
         * A console that serves no district yet.
         *
         * @return this builder
         */
        public Builder withoutDistrict() {
            this.district = Optional.empty();
            return this;
        }

        /**
         * A setting the plugin finds stored when it starts.
         *
         * @param name the setting's name
         * @param value its value
         * @return this builder
         */
        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        /**
         * A secret the plugin finds stored when it starts.
         *
         * @param name the secret's name
         * @param value its value
         * @return this builder
         */
        public Builder secret(String name, String value) {
            secrets.put(name, value);
            return this;
        }

        /**
         * An extension another started plugin offers, which the plugin finds through
         * {@code context.extensions().find(type)}.
         *
         * @param type the extension point
         * @param extension the extension
         * @param <T> the type
         * @return this builder
         */
        public <T extends ExtensionPoint> Builder offering(Class<T> type, T extension) {
            offered.computeIfAbsent(type, t -> new ArrayList<>()).add(extension);
            return this;
        }

        /**
         * The plugin's extensions are these classes, not those its {@code META-INF/extensions.idx} lists: for a
         * test module that holds several small plugins on one class path.
         *
         * @param types the extension classes
         * @return this builder
         */
        public Builder extensions(Class<?>... types) {
            extensionTypes.addAll(List.of(types));
            return this;
        }

        /**
         * Creates the plugin, starts it (its migrations run), and finds and checks its extensions.
         *
         * @return the running harness; close it at the end of the test
         */
        public PluginHarness start() {
            return new PluginHarness(this);
        }
    }
}
