package org.nre.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.plugins.ContributionRules;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginCalls;
import org.pf4j.Plugin;

/**
 * One plugin running in its own test, without a console: the plugin's main class created with a
 * {@link TestContext}'s context (the host kit's own settings, secrets, audit log and migrations over a real
 * database), started, and its extensions found as PF4J finds them and checked as a console checks them. Tasks the
 * plugin schedules run when the test says; panels are driven as a given user.
 *
 * <pre>{@code
 * try (PluginHarness hello = PluginHarness.forPlugin("hello", HelloPlugin::new).start()) {
 *     PanelDriver panel = hello.panel("hello", TestUsers.holding("jdoe", "hello.greetings", Level.WRITE));
 *     assertThat(panel.act("send")).isInstanceOf(ActionResult.Success.class);
 * }
 * }</pre>
 */
public final class PluginHarness implements AutoCloseable {

    private final String pluginId;
    private final TestContext console;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Plugin plugin;
    private final List<Object> extensions;
    private final Contributions contributions;
    private final Panels panels;
    private boolean stopped;

    private PluginHarness(Builder builder) {
        pluginId = builder.pluginId;
        console = new TestContext(builder);
        try {
            Plugin created = builder.create.apply(console.context());
            if (created == null) {
                throw new IllegalStateException("The plugin's factory returned no plugin");
            }
            plugin = created;
            plugin.start();
            extensions = OwnExtensions.create(plugin, console.context(), builder.extensionTypes);
            contributions = contributions(new PluginCalls(pluginId, Thread.currentThread().getContextClassLoader()));
            console.contributions(contributions);
        } catch (RuntimeException | Error e) {
            console.close();
            throw e;
        }
        panels = new Panels(() -> contributions, console.auditStore(), (id, message) -> failures.add(message));
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
     * The console around the plugin: its context, clock, database, audit log and scheduled tasks.
     *
     * @return the console
     */
    public TestContext console() {
        return console;
    }

    /**
     * The context the plugin was given.
     *
     * @return the context
     */
    public PluginContext context() {
        return console.context();
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
        return console.clock();
    }

    /**
     * The database under the plugin's context.
     *
     * @return the database
     */
    public TestDatabase database() {
        return console.database();
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
     * @return the rights
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
     * The plugin's open notices, oldest first: those it raised and has not cleared. A notice naming a right the
     * plugin does not define, or a panel it does not contribute, is refused as a console refuses it.
     *
     * @return the notices
     */
    public List<Notice> notices() {
        return context().notices().open();
    }

    /**
     * The names of the tasks the plugin has scheduled and not cancelled.
     *
     * @return the names
     */
    public List<String> scheduledTasks() {
        return console.scheduledTasks();
    }

    /**
     * Runs a scheduled task once, now, as a console's scheduler would on one node.
     *
     * @param name the task's name
     * @return the pause the task asks for before its next run
     * @throws Exception what the task threw
     */
    public Duration runTask(String name) throws Exception {
        return console.runTask(name);
    }

    /**
     * Whether the plugin asked for a task to run soon (through {@code ScheduledTask.runSoon()}).
     *
     * @param name the task's name
     * @return true once asked
     */
    public boolean runSoonAsked(String name) {
        return console.runSoonAsked(name);
    }

    /**
     * The first pause a task was scheduled with.
     *
     * @param name the task's name
     * @return the pause
     */
    public Duration firstDelay(String name) {
        return console.firstDelay(name);
    }

    /**
     * The audit log, oldest first: what the plugin recorded and what the console recorded for its panels.
     *
     * @return the entries
     */
    public List<AuditEntry> audit() {
        return console.audit();
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
            plugin.stop();
        } finally {
            console.close();
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

    /** What the harness's console is like, and the plugin in it; every value but the plugin has a default. */
    public static final class Builder extends ConsoleSetup<Builder> {

        private final Function<PluginContext, ? extends Plugin> create;
        private final List<Class<?>> extensionTypes = new ArrayList<>();

        private Builder(String pluginId, Function<PluginContext, ? extends Plugin> create) {
            super(pluginId);
            if (create == null) {
                throw new IllegalArgumentException("create cannot be null: pass the plugin's constructor");
            }
            this.create = create;
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
