package org.nre.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nre.conformance.ConformancePlugins.CANARY;
import static org.nre.conformance.ConformancePlugins.CLASH;
import static org.nre.conformance.ConformancePlugins.CLUMSY;
import static org.nre.conformance.ConformancePlugins.CLUMSY_PANEL;
import static org.nre.conformance.ConformancePlugins.CLUMSY_RIGHT;
import static org.nre.conformance.ConformancePlugins.CONSUMER;
import static org.nre.conformance.ConformancePlugins.EXPORTER;
import static org.nre.conformance.ConformancePlugins.FUTURE;
import static org.nre.conformance.ConformancePlugins.FUTURE_REQUIRES;
import static org.nre.conformance.ConformancePlugins.PROBE;
import static org.nre.conformance.ConformancePlugins.PROBE_PANEL;
import static org.nre.conformance.ConformancePlugins.PROBE_RIGHT;
import static org.nre.conformance.ConformancePlugins.THROWER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.user.ActingUser;

/**
 * The host duties (docs/host-implementer-guide.md, section 1) as tests any host runs against itself. A host
 * extends this class in its own tests and says how to start a node of itself; the tests here are inherited and run
 * with the host's:
 *
 * <pre>{@code
 * class MyHostConformanceTest extends HostConformanceTests {
 *     protected ConformanceHost host() {
 *         return (pluginsDir, jdbcUrl) -> new MyNode(MyConsole.start(pluginsDir, jdbcUrl));
 *     }
 * }
 * }</pre>
 *
 * The kit builds real plugin zips (ids {@code conformance-*}) into a temporary folder for each node and starts it
 * on a fresh in-memory H2 database in MariaDB mode. One node, holding most test plugins, serves the tests that
 * only look; the migration, scheduler and id clash tests start nodes of their own. The host's test class path must
 * hold the host API, PF4J, the H2 driver and a JDK's compiler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HostConformanceTests {

    /** How long two nodes run the probe's task side by side; the task asks for a run every second. */
    private static final Duration TWO_NODES_SIDE_BY_SIDE = Duration.ofSeconds(6);
    private static final int FEWEST_RUNS_SIDE_BY_SIDE = 3;
    /** How long a host may take to run a task that asks to run at once, or to move it to a node left running. */
    private static final Duration LONGEST_WAIT_FOR_A_RUN = Duration.ofSeconds(15);

    /** The plugins of the node the tests that only look share; the clash plugin gets a node of its own. */
    private static final List<String> SHARED_NODE_PLUGINS = List.of(PROBE, THROWER, CLUMSY, EXPORTER, CONSUMER,
            FUTURE);

    private static final List<String> CALLS_INTO_THE_PROBE = List.of("plugin-constructor", "start",
            "menu-constructor", "right-constructor", "panel-constructor", "view", "act", "task");

    private KitDatabase sharedDatabase;
    private Cluster sharedCluster;
    private HostNode shared;

    /**
     * The host under test.
     *
     * @return how to start a node of it
     */
    protected abstract ConformanceHost host();

    @BeforeAll
    void startTheNodeTheTestsThatOnlyLookShare(@TempDir Path dir) throws Exception {
        sharedDatabase = KitDatabase.fresh();
        Path plugins = dir.resolve("plugins");
        ConformancePlugins.write(plugins, SHARED_NODE_PLUGINS);
        sharedCluster = new Cluster(host(), sharedDatabase);
        shared = sharedCluster.start(plugins);
    }

    @AfterAll
    void stopTheSharedNode() {
        try {
            if (sharedCluster != null) {
                sharedCluster.close();
            }
        } finally {
            if (sharedDatabase != null) {
                sharedDatabase.close();
            }
        }
    }

    @Test
    void everyConstructorFormOfAnExtensionGetsWhatItAsksFor() {
        assertStarted(shared, PROBE);
        assertThat(shared.problems(PROBE))
                .as("Duty 'load plugins from a folder': the probe is sound (a right, a panel guarded by it and a "
                        + "menu entry opening that panel, all under its own id); the host must report nothing "
                        + "against it")
                .isEmpty();
        assertThat(sharedDatabase.observed("constructed"))
                .as("Duty 'give each plugin its context': an extension's public constructor may take nothing (the "
                        + "probe's menu), the PluginContext (its rights) or the plugin's own main class (its panel); "
                        + "the host must make each of them")
                .containsOnly("none", "context", "plugin");
        assertThat(sharedDatabase.observed("context:plugin-id"))
                .as("Duty 'give each plugin its context': an extension that takes a PluginContext must get its own "
                        + "plugin's")
                .containsOnly(PROBE);
        assertThat(sharedDatabase.observed("plugin:instance"))
                .as("Duty 'give each plugin its context': an extension that takes the plugin's main class must get "
                        + "the instance the host started, not another")
                .containsOnly("started");
    }

    @Test
    void aPluginsMigrationsRunOnceFromVersionOneInTheSharedSchemaWithAHistoryOfTheirOwn(@TempDir Path dir)
            throws Exception {
        try (KitDatabase database = KitDatabase.fresh(); Cluster cluster = new Cluster(host(), database)) {
            cluster.stop(cluster.start(Files.createDirectories(dir.resolve("no-plugins"))));
            Set<String> hostTables = database.tables();
            Map<String, List<String>> hostHistories = database.histories();
            assertThat(hostTables)
                    .as("Duty 'per-plugin migrations in one schema': the host must make its own tables in the "
                            + "database it is given, which its plugins share")
                    .isNotEmpty();

            Path plugins = dir.resolve("plugins");
            ConformancePlugins.write(plugins, List.of(PROBE));
            HostNode first = cluster.start(plugins);
            assertStarted(first, PROBE, "Duty 'per-plugin migrations in one schema': the probe's migrations must run "
                    + "in the schema the host's tables are in, and the probe must start");
            cluster.stop(first);
            assertThat(database.tables())
                    .as("Duty 'per-plugin migrations in one schema': the probe's V1 must make its tables beside the "
                            + "host's, in a history table named <plugin-id>_schema_history, and the host's tables "
                            + "must all still be there")
                    .contains("conformance_probe_observation", "conformance_probe_tick",
                            "conformance_probe_schema_history")
                    .containsAll(hostTables);
            assertThat(database.migratedVersions("conformance_probe_schema_history"))
                    .as("Duty 'per-plugin migrations in one schema': a plugin's history starts at a baseline of "
                            + "version 0, so that its V1 runs although the schema is not empty, and then its V2")
                    .containsExactly("1", "2");
            assertThat(database.columns("conformance_probe_observation"))
                    .as("Duty 'per-plugin migrations in one schema': the probe's V2 adds a column")
                    .contains("recorded_at");
            assertThat(database.histories())
                    .as("Duty 'per-plugin migrations in one schema': the host's own migration histories must be "
                            + "left as they were by a plugin's migrations")
                    .containsAllEntriesOf(hostHistories);
            List<String> probeHistory = database.rows("conformance_probe_schema_history");

            HostNode restarted = cluster.start(plugins);
            assertStarted(restarted, PROBE, "Duty 'per-plugin migrations in one schema': after a restart the probe's "
                    + "migrations must find nothing to do, and the probe must start");
            cluster.stop(restarted);
            assertThat(database.observed("migration"))
                    .as("Duty 'per-plugin migrations in one schema': Database.migrate must answer what it applied "
                            + "(both migrations at the first start, none after a restart) and the version it left")
                    .containsExactly("applied=2 version=2", "applied=0 version=2");
            assertThat(database.rows("conformance_probe_schema_history"))
                    .as("Duty 'per-plugin migrations in one schema': a restart must apply nothing again")
                    .isEqualTo(probeHistory);
            assertThat(database.histories())
                    .as("Duty 'per-plugin migrations in one schema': the host's own histories must be left as "
                            + "they were by a restart with the plugin")
                    .containsAllEntriesOf(hostHistories);
        }
    }

    @Test
    void everyCallIntoAPluginRunsWithThePluginsClassLoaderAsContextClassLoader() throws InterruptedException {
        assertStarted(shared, PROBE);
        ActingUser writer = Users.holding(PROBE_RIGHT, Level.WRITE);
        assertThat(shared.view(PROBE_PANEL, writer))
                .as("Duty 'panels': a holder of W on the probe's right must see its panel")
                .isInstanceOf(PanelOutcome.Shown.class);
        assertThat(shared.act(PROBE_PANEL, "check", Map.of(), writer))
                .as("Duty 'panels': a holder of W on the probe's right must run its action 'check'")
                .isInstanceOf(PanelOutcome.Done.class);
        sharedDatabase.awaitTickStartedAfter(0, LONGEST_WAIT_FOR_A_RUN);

        Map<String, Set<String>> seen = new LinkedHashMap<>();
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (String call : CALLS_INTO_THE_PROBE) {
            seen.put(call, new TreeSet<>(sharedDatabase.observed("loader:" + call)));
            expected.put(call, Set.of("true"));
        }
        seen.put("another plugin's extension", new TreeSet<>(sharedDatabase.consumerObserved("exporter-loader")));
        expected.put("another plugin's extension", Set.of("true"));
        assertThat(seen)
                .as("Duty 'run every call in the plugin's class loader': during each call into a plugin (its "
                        + "constructor, start, extension constructors, panel view and action, scheduled task, and an "
                        + "extension called by another plugin) the thread's context class loader must be that "
                        + "plugin's own; 'false' means another loader, an empty set that the call never came")
                .isEqualTo(expected);
    }

    @Test
    void aFailingPluginIsContainedAndReportedWhileTheOthersKeepWorking() {
        assertThat(shared.pluginState(THROWER))
                .as("Duty 'keep states and problems': a plugin whose start() throws must be FAILED")
                .contains("FAILED");
        assertThat(shared.problems(THROWER))
                .as("Duty 'keep states and problems': what a failed plugin's start() threw must be among its "
                        + "problems")
                .contains("conformance: thrown on start");

        ActingUser writer = Users.holding(CLUMSY_RIGHT, Level.WRITE);
        PanelOutcome view = shared.view(CLUMSY_PANEL, writer);
        PanelOutcome act = shared.act(CLUMSY_PANEL, "go", Map.of(), writer);
        assertThat(List.of(view, act))
                .as("Duty 'run every call in the plugin's class loader': whatever a call throws is contained; a "
                        + "panel whose view and action throw must be answered Failed")
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(PanelOutcome.Failed.class));
        assertThat(((PanelOutcome.Failed) view).message() + " " + ((PanelOutcome.Failed) act).message())
                .as("Duty 'panels': the message a user gets for a failed plugin must not show its internals")
                .doesNotContain("conformance: thrown on", "IllegalStateException", "UnsupportedOperationException");
        assertThat(shared.problems(CLUMSY))
                .as("Duty 'run every call in the plugin's class loader': what a plugin's view and action threw "
                        + "must be reported against the plugin")
                .contains("conformance: thrown on view", "conformance: thrown on act");

        assertStarted(shared, PROBE);
        assertThat(shared.view(PROBE_PANEL, Users.holding(PROBE_RIGHT, Level.READ)))
                .as("Duty 'run every call in the plugin's class loader': the other plugins keep working after one "
                        + "failed")
                .isInstanceOf(PanelOutcome.Shown.class);
    }

    @Test
    void aRepeatingTaskRunsOnOneNodeAtATimeAndMovesOnWhenItsNodeStops(@TempDir Path dir) throws Exception {
        try (KitDatabase database = KitDatabase.fresh(); Cluster cluster = new Cluster(host(), database)) {
            Path firstPlugins = dir.resolve("first");
            Path secondPlugins = dir.resolve("second");
            ConformancePlugins.write(firstPlugins, List.of(PROBE));
            ConformancePlugins.write(secondPlugins, List.of(PROBE));
            HostNode first = cluster.start(firstPlugins);
            HostNode second = cluster.start(secondPlugins);
            assertStarted(first, PROBE);
            assertStarted(second, PROBE);
            Thread.sleep(TWO_NODES_SIDE_BY_SIDE.toMillis());
            cluster.stop(first);
            long firstStopped = System.currentTimeMillis();

            assertThat(database.ticks())
                    .as("Duty 'a cluster-wide scheduler': the probe's task asks to run every second; in %s s two "
                            + "nodes must have run it at least %s times", TWO_NODES_SIDE_BY_SIDE.toSeconds(),
                            FEWEST_RUNS_SIDE_BY_SIDE)
                    .hasSizeGreaterThanOrEqualTo(FEWEST_RUNS_SIDE_BY_SIDE);
            database.awaitTickStartedAfter(firstStopped, LONGEST_WAIT_FOR_A_RUN);
            List<KitDatabase.Tick> ticks = database.ticks();
            assertThat(ticks)
                    .as("Duty 'a cluster-wide scheduler': when a node stops, the node left running must take its "
                            + "tasks over (within %s s)", LONGEST_WAIT_FOR_A_RUN.toSeconds())
                    .anySatisfy(tick -> assertThat(tick.startedAt()).isGreaterThan(firstStopped));
            for (int i = 1; i < ticks.size(); i++) {
                KitDatabase.Tick before = ticks.get(i - 1);
                KitDatabase.Tick after = ticks.get(i);
                assertThat(after.startedAt())
                        .as("Duty 'a cluster-wide scheduler': a repeating task runs on one node at a time, but run "
                                + "%s began before run %s had ended; all runs: %s", after, before, ticks)
                        .isGreaterThanOrEqualTo(before.endedAt());
            }
        }
    }

    @Test
    void aSecretIsReadBackByItsPluginButNeverStoredOrShownInTheClear() {
        assertStarted(shared, PROBE);
        assertThat(sharedDatabase.observed("secret:read-back"))
                .as("Duty 'settings and write-only secrets': a plugin must read back the secret it stored")
                .containsOnly("matched");
        assertThat(sharedDatabase.observed("secret:is-set"))
                .as("Duty 'settings and write-only secrets': Secrets.isSet must say a stored secret is set")
                .containsOnly("true");
        assertThat(sharedDatabase.placesHolding(CANARY))
                .as("Duty 'settings and write-only secrets': secrets are sealed, but the probe's secret was found "
                        + "in the clear (or in plain base64) in these columns")
                .isEmpty();

        // A writer: a reader is shown no input of an action they may not run, the secret's among them.
        PanelOutcome outcome = shared.view(PROBE_PANEL, Users.holding(PROBE_RIGHT, Level.WRITE));
        assertThat(outcome).as("Duty 'panels': a holder of W on the probe's right must see its panel")
                .isInstanceOf(PanelOutcome.Shown.class);
        PanelView view = ((PanelOutcome.Shown) outcome).view();
        assertThat(components(view, Component.SecretInput.class))
                .as("Duty 'settings and write-only secrets': a view says whether a secret is set")
                .extracting(Component.SecretInput::set).containsExactly(true);
        assertThat(view.toString())
                .as("Duty 'settings and write-only secrets': a view never shows a secret back")
                .doesNotContain(CANARY);
    }

    @Test
    void aPluginCallsAnExtensionAnotherPluginExportsThroughTheHost() {
        assertStarted(shared, EXPORTER);
        assertStarted(shared, CONSUMER);
        assertThat(sharedDatabase.consumerObserved("greetings"))
                .as("Duty 'extensions between plugins': Extensions.find must offer a started plugin's extension of "
                        + "an extension point it exports to a plugin that depends on it")
                .containsExactly("1");
        assertThat(sharedDatabase.consumerObserved("greeting"))
                .as("Duty 'extensions between plugins': a call must reach the exporter's extension")
                .containsExactly("Hello, conformance");
        assertThat(sharedDatabase.consumerObserved("exporter-loader"))
                .as("Duty 'extensions between plugins': each call runs with the offering plugin's class loader as "
                        + "the context class loader")
                .containsExactly("true");
        assertThat(sharedDatabase.consumerObserved("failure"))
                .as("Duty 'extensions between plugins': a failure in the offering plugin is contained and reaches "
                        + "the caller as a HostApiException, never as the offering plugin's own exception")
                .containsExactly(HostApiException.class.getName());
    }

    @Test
    void anIdAnotherPluginOwnsIsNotTakenFromIt(@TempDir Path dir) throws Exception {
        try (KitDatabase database = KitDatabase.fresh(); Cluster cluster = new Cluster(host(), database)) {
            Path plugins = dir.resolve("plugins");
            ConformancePlugins.write(plugins, List.of(PROBE, CLASH));
            HostNode node = cluster.start(plugins);
            assertStarted(node, PROBE);
            assertThat(node.rightOwner(PROBE_RIGHT))
                    .as("Duty 'refuse id clashes': the right '%s' is the probe's, under the probe's own id, "
                            + "although plugin '%s' defines it too", PROBE_RIGHT, CLASH)
                    .contains(PROBE);
            assertThat(node.panelOwner(PROBE_PANEL))
                    .as("Duty 'refuse id clashes': the panel '%s' is the probe's, under the probe's own id, "
                            + "although plugin '%s' contributes one too", PROBE_PANEL, CLASH)
                    .contains(PROBE);
            assertThat(node.view(PROBE_PANEL, Users.holding(PROBE_RIGHT, Level.WRITE)))
                    .as("Duty 'refuse id clashes': the panel '%s' must show the probe's view", PROBE_PANEL)
                    .isInstanceOfSatisfying(PanelOutcome.Shown.class, shown -> assertThat(
                            components(shown.view(), Component.SecretInput.class)).isNotEmpty());
            assertThat(node.problems(CLASH))
                    .as("Duty 'refuse id clashes': the host must report against plugin '%s' the ids it was "
                            + "refused", CLASH)
                    .contains(PROBE_RIGHT, PROBE_PANEL);
        }
    }

    @Test
    void aPluginForAnotherHostApiVersionStaysDisabled() {
        assertThat(shared.pluginState(FUTURE))
                .as("Duty 'check the host version': the host reports its host API version to PF4J, so that a plugin "
                        + "whose Plugin-Requires (%s) excludes it stays DISABLED", FUTURE_REQUIRES)
                .contains("DISABLED");
        assertThat(shared.problems(FUTURE))
                .as("Duty 'check the host version': the reason, naming the versions the plugin requires")
                .contains(FUTURE_REQUIRES);
    }

    @Test
    void aPanelIsShownAndItsActionsRunOnlyForTheLevelsTheUserHolds() {
        assertStarted(shared, PROBE);
        ActingUser nobody = Users.nobody();
        ActingUser reader = Users.holding(PROBE_RIGHT, Level.READ);
        ActingUser writer = Users.holding(PROBE_RIGHT, Level.WRITE);

        assertThat(shared.view(PROBE_PANEL, nobody))
                .as("Duty 'panels': deny by default; a user without the panel's right must be refused its view")
                .isInstanceOf(PanelOutcome.Refused.class);
        assertThat(shared.act(PROBE_PANEL, "check", Map.of(), nobody))
                .as("Duty 'panels': a user without the panel's right must be refused its action")
                .isInstanceOf(PanelOutcome.Refused.class);

        PanelOutcome readersView = shared.view(PROBE_PANEL, reader);
        assertThat(readersView).as("Duty 'panels': a user with R on the panel's right must see it")
                .isInstanceOf(PanelOutcome.Shown.class);
        assertThat(buttons(((PanelOutcome.Shown) readersView).view()))
                .as("Duty 'panels': the buttons of actions the user may not run are removed from the view")
                .doesNotContain("check");
        assertThat(components(((PanelOutcome.Shown) readersView).view(), Component.SecretInput.class))
                .as("Duty 'panels': a reader is shown no input that only an action they may not run would send")
                .isEmpty();
        assertThat(shared.act(PROBE_PANEL, "check", Map.of(), reader))
                .as("Duty 'panels': an action needs its own level; R is refused an action that needs W")
                .isInstanceOf(PanelOutcome.Refused.class);

        PanelOutcome writersView = shared.view(PROBE_PANEL, writer);
        assertThat(writersView).as("Duty 'panels': W implies R, so a user with W sees the panel")
                .isInstanceOf(PanelOutcome.Shown.class);
        assertThat(buttons(((PanelOutcome.Shown) writersView).view()))
                .as("Duty 'panels': the buttons of actions the user may run stay in the view")
                .contains("check");
        assertThat(components(((PanelOutcome.Shown) writersView).view(), Component.SecretInput.class))
                .as("Duty 'panels': the inputs of an action the user may run stay in the view").hasSize(1);
        assertThat(shared.act(PROBE_PANEL, "check", Map.of(), writer))
                .as("Duty 'panels': a user with W runs the action that needs W, and gets the plugin's answer")
                .isEqualTo(new PanelOutcome.Done(ActionResult.success("Checked.")));

        assertThat(shared.view("conformance-nowhere", writer))
                .as("Duty 'panels': a panel no started plugin offers is not found")
                .isInstanceOf(PanelOutcome.NotFound.class);
        assertThat(shared.act(PROBE_PANEL, "undeclared", Map.of(), writer))
                .as("Duty 'panels': a panel answers only the actions it declares; the host refuses any other")
                .isInstanceOfAny(PanelOutcome.NotFound.class, PanelOutcome.Refused.class);
    }

    private static void assertStarted(HostNode node, String pluginId) {
        assertStarted(node, pluginId, "Duty 'load plugins from a folder': the host must start the sound plugin '"
                + pluginId + "' from its zip in the plugins folder");
    }

    private static void assertStarted(HostNode node, String pluginId, String duty) {
        assertThat(node.pluginState(pluginId))
                .as("%s; it reported: %s", duty, node.problems(pluginId))
                .contains("STARTED");
    }

    private static <T extends Component> List<T> components(PanelView view, Class<T> type) {
        return view.sections().stream().flatMap(section -> section.components().stream()).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static Set<String> buttons(PanelView view) {
        return components(view, Component.Button.class).stream().map(Component.Button::action)
                .collect(Collectors.toSet());
    }
}
