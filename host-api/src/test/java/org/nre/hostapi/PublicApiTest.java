package org.nre.hostapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.audit.AuditActions;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.health.HealthResult;
import org.nre.hostapi.menu.MenuContribution;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.metrics.Counter;
import org.nre.hostapi.metrics.Metrics;
import org.nre.hostapi.metrics.Timer;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.InputKind;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.panel.Tone;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.Permission;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.schedule.Scheduler;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.hostapi.user.ActingUser;
import org.pf4j.ExtensionPoint;

/**
 * Uses every public type and member of the host API the way a plugin and a host would, so that a change
 * that breaks the API breaks this test's compilation.
 */
class PublicApiTest {

    static final List<String> PATH = List.of("System Settings", "Data Interchange Administration");

    /** A plugin's three contributions, written against the API alone. */
    static final class ExamplePlugin implements MenuContribution, RightContribution, SettingsPanel {

        @Override
        public List<MenuEntry> menuEntries() {
            return List.of(new MenuEntry("example", PATH, "Example", 10, Permission.read("example.tool"), "example"));
        }

        @Override
        public List<RightDefinition> rights() {
            return List.of(new RightDefinition("example.tool", "Example", PATH, "R: view. W: change.",
                    EnumSet.of(Level.READ, Level.WRITE), "Only the district system administrator", true));
        }

        @Override
        public PanelDefinition definition() {
            return new PanelDefinition("example", "Example panel", "example.tool", List.of(
                    PanelAction.of("save", "Save", Level.WRITE),
                    new PanelAction("reset", "Reset", Level.WRITE, "Reset everything?")));
        }

        @Override
        public PanelView view(PanelRequest request) {
            return new PanelView(List.of(
                    Section.of("Status",
                            new Component.LabelledValue("Exchange Registration", "Not Registered"),
                            new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL, ""),
                            new Component.Notice(Tone.INFO, "Hello " + request.user().displayName()),
                            new Component.Paragraph("Some text."),
                            new Component.LongText("Terms v1", "Effective 01/01/2027", "First.\n\nSecond.")),
                    new Section("Settings", List.of(
                            new Component.Checkbox("agree", "I agree", false),
                            new Component.TextInput("url", "Router URL", "https://router.example", InputKind.URL, ""),
                            new Component.SecretInput("secret", "Shared secret", true, "Leave empty to keep it"),
                            new Component.Hidden("seen-version", "3"),
                            new Component.Table("History", List.of("When", "What"),
                                    List.of(List.of("today", "nothing")), "No history"),
                            new Component.Button("save", true),
                            new Component.Button("reset", false, "Nothing to reset yet.")))), 5,
                    Map.of("state", "NOT_REGISTERED", "since", "2026-11-28T19:04:44Z", "count", 2,
                            "tags", List.of("a", "b"), "nested", Map.of("ok", true)));
        }

        @Override
        public ActionResult act(String action, ActionInput input, PanelRequest request) {
            if (!input.checked("agree")) {
                return ActionResult.invalid("Agree first.", new FieldError("agree", "Tick it."));
            }
            return input.text("url").isPresent() ? ActionResult.success("Saved.")
                    : ActionResult.conflict("No URL.");
        }
    }

    @Test
    void aPluginWrittenAgainstTheApiDescribesItsMenuRightAndPanel() {
        ExamplePlugin plugin = new ExamplePlugin();
        ActingUser user = new ActingUser("u1", "Doe, Jane", "127.0.0.1", (rightId, level) -> level == Level.READ);

        assertThat(plugin.menuEntries().get(0).path()).containsExactlyElementsOf(PATH);
        assertThat(plugin.menuEntries().get(0).required()).hasToString("example.tool:R");
        RightDefinition right = plugin.rights().get(0);
        assertThat(right.offers(Level.WRITE)).isTrue();
        assertThat(right.offers(Level.DELETE)).isFalse();
        assertThat(right.limitedHolders()).isTrue();
        assertThat(plugin.definition().action("reset")).map(PanelAction::needsConfirmation).contains(true);
        assertThat(plugin.definition().action("missing")).isEmpty();

        PanelView view = plugin.view(new PanelRequest(user));
        assertThat(view.refreshSeconds()).isEqualTo(5);
        assertThat(view.sections()).extracting(Section::heading).containsExactly("Status", "Settings");
        assertThat(view.data()).containsEntry("state", "NOT_REGISTERED").containsEntry("count", 2);
        assertThat(view.sections().get(1).components()).filteredOn(c -> c instanceof Component.Button)
                .extracting(c -> ((Component.Button) c).enabled()).containsExactly(true, false);
        assertThat(PanelView.of().data()).isEmpty();
        assertThat(user.rights().allows(Permission.read("example.tool"))).isTrue();
        assertThat(user.rights().allows("example.tool", Level.WRITE)).isFalse();
    }

    @Test
    void aDestructiveActionMustSayWhatWillHappenAndAnActionBuiltAsIn020IsRoutine() {
        PanelAction deregister = PanelAction.destructive("deregister", "Deregister", Level.DELETE,
                "Deregister? It cannot be undone.");
        PanelAction reset = new PanelAction("reset", "Reset", Level.WRITE, "Reset everything?");

        assertThat(deregister.destructive()).isTrue();
        assertThat(deregister.needsConfirmation()).isTrue();
        assertThat(reset.destructive()).isFalse();
        assertThat(PanelAction.of("save", "Save", Level.WRITE).destructive()).isFalse();
        assertThatThrownBy(() -> PanelAction.destructive("wipe", "Wipe", Level.DELETE, " "))
                .isInstanceOf(HostApiException.class)
                .hasMessage("The destructive action 'wipe' needs a confirmation: say what will happen and that it "
                        + "cannot be undone, so that the host can ask before running it");
        assertThatThrownBy(() -> new PanelAction("wipe", "Wipe", Level.DELETE, null, true))
                .isInstanceOf(HostApiException.class).hasMessageContaining("'wipe' needs a confirmation");
    }

    @Test
    void actionsAnswerWithSuccessFieldErrorsOrConflict() {
        ExamplePlugin plugin = new ExamplePlugin();
        PanelRequest request = new PanelRequest(ActingUser.system());

        ActionResult refused = plugin.act("save", ActionInput.empty(), request);
        assertThat(refused).isInstanceOf(ActionResult.Invalid.class);
        assertThat(((ActionResult.Invalid) refused).errors()).containsExactly(new FieldError("agree", "Tick it."));

        assertThat(plugin.act("save", new ActionInput(Map.of("agree", "on", "url", " https://x ")), request))
                .isEqualTo(new ActionResult.Success("Saved."));
        assertThat(plugin.act("save", new ActionInput(Map.of("agree", "true", "url", "   ")), request))
                .isEqualTo(new ActionResult.Conflict("No URL."));
        assertThat(ActionResult.unavailable("Router down.").message()).isEqualTo("Router down.");
        assertThat(new ActionInput(Map.of("url", " https://x ")).text("url")).contains("https://x");
        assertThat(new ActionInput(Map.of("agree", "off")).checked("agree")).isFalse();
    }

    @Test
    void writeAddAndDeleteImplyRead() {
        for (Level level : Level.values()) {
            assertThat(level.implies(Level.READ)).isTrue();
            assertThat(level.implies(level)).isTrue();
            assertThat(Level.ofLetter(level.letter())).isEqualTo(level);
            assertThat(Level.parse(level.name().toLowerCase())).isEqualTo(level);
        }
        assertThat(Level.READ.implies(Level.WRITE)).isFalse();
        assertThat(Level.WRITE.implies(Level.DELETE)).isFalse();
        assertThat(RightSet.none().allows("any", Level.READ)).isFalse();
        assertThatThrownBy(() -> Level.ofLetter('X')).hasMessageContaining("use one of R, W, A, D");
        assertThatThrownBy(() -> Level.parse("admin")).isInstanceOf(HostApiException.class);
    }

    @Test
    void invalidValuesAreRefusedWithMessagesThatNameTheField() {
        assertThatThrownBy(() -> new MenuEntry("", PATH, "x", 0, Permission.read("a"), "p"))
                .isInstanceOf(HostApiException.class).hasMessage("Field 'id' cannot be empty");
        assertThatThrownBy(() -> new MenuEntry("Bad Id", PATH, "x", 0, Permission.read("a"), "p"))
                .hasMessageStartingWith("Field 'id' must be lower-case letters");
        assertThatThrownBy(() -> new MenuEntry("m", List.of(), "x", 0, Permission.read("a"), "p"))
                .hasMessageContaining("'path'");
        assertThatThrownBy(() -> new MenuEntry("m", PATH, "x", 0, null, "p"))
                .hasMessageContaining("'required'");
        assertThatThrownBy(() -> new RightDefinition("r", "R", PATH, "", EnumSet.of(Level.WRITE), "", false))
                .hasMessageContaining("must contain READ");
        assertThatThrownBy(() -> new PanelDefinition("p", "P", "r",
                List.of(PanelAction.of("a", "A", Level.READ), PanelAction.of("a", "B", Level.WRITE))))
                .hasMessageContaining("declares action 'a' twice");
        assertThatThrownBy(() -> new Component.Table("T", List.of("a", "b"), List.of(List.of("1")), ""))
                .hasMessageContaining("has 1 cells; it needs one per column (2)");
        assertThatThrownBy(() -> new PanelView(List.of(), -1)).hasMessageContaining("'refreshSeconds'");
        assertThatThrownBy(() -> new PanelView(List.of(), 0, Map.of("at", java.time.Instant.EPOCH)))
                .hasMessageContaining("Field 'data.at' must be text, a boolean, a whole number, a list or a map");
        assertThatThrownBy(() -> new PanelView(List.of(), 0, Map.of("list", java.util.Arrays.asList("a", null))))
                .hasMessageContaining("'data.list[1]'").hasMessageContaining("leave out a key");
        assertThatThrownBy(() -> new PanelView(List.of(), 0, null)).hasMessageContaining("'data' cannot be null");
        assertThatThrownBy(() -> new CensusLocality("S", "C", "62704", -1)).hasMessageContaining("'students'");
        assertThatThrownBy(() -> new ActingUser("u", "Doe, Jane", "", RightSet.none()))
                .hasMessageContaining("'remoteAddress'");
        assertThatThrownBy(() -> Fields.copyOf(java.util.Arrays.asList("a", null), "list"))
                .hasMessageContaining("null element");
        assertThat(Fields.copyOfTexts(List.of("a"), "list")).containsExactly("a");
        assertThat(Fields.orEmpty(null)).isEmpty();
        assertThat(Fields.MAX_ID_LENGTH).isEqualTo(64);
        assertThat(new HostApiException("m", new IllegalStateException()).getCause()).isNotNull();
    }

    @Test
    void valuesCopyWhatTheyAreGiven() {
        java.util.ArrayList<String> path = new java.util.ArrayList<>(PATH);
        MenuEntry entry = new MenuEntry("m", path, "M", 0, Permission.read("r"), "p");
        path.add("changed later");
        assertThat(entry.path()).hasSize(2);
        assertThatThrownBy(() -> entry.path().add("x")).isInstanceOf(UnsupportedOperationException.class);

        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        java.util.List<Object> items = new java.util.ArrayList<>(List.of("first"));
        facts.put("items", items);
        PanelView view = new PanelView(List.of(), 0, facts);
        items.add("changed later");
        facts.put("added later", "x");
        assertThat(view.data()).containsOnlyKeys("items");
        assertThat(view.data().get("items")).isEqualTo(List.of("first"));
        assertThatThrownBy(() -> view.data().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aHostOffersItsServicesThroughOneImmutableContext() {
        Database database = new Database() {
            @Override
            public DataSource dataSource() {
                return null;
            }

            @Override
            public DatabaseProduct product() {
                return DatabaseProduct.H2;
            }

            @Override
            public MigrationResult migrate(String location) {
                return new MigrationResult(1, "1", "example_schema_history");
            }

            @Override
            public <T> T transaction(Transaction<T> work) throws SQLException {
                return work.run(null);
            }
        };
        District district = new District("D1", "Demo District", "IL",
                List.of(new CensusLocality("High School", "Springfield", "62704", 900),
                        new CensusLocality("High School", "Chatham", "62629", 100)));
        DistrictDirectory directory = () -> Optional.of(district);
        AuditLog audit = (user, action, detail) -> { };
        ScheduledTask handle = new ScheduledTask() {
            @Override
            public void cancel() {
            }

            @Override
            public void runSoon() {
            }
        };
        Scheduler scheduler = (name, firstDelay, task) -> handle;
        Settings settings = new Settings() {
            @Override
            public Optional<String> get(String name) {
                return Optional.empty();
            }

            @Override
            public void put(String name, String value) {
            }

            @Override
            public void remove(String name) {
            }

            @Override
            public Map<String, String> all() {
                return Map.of();
            }
        };
        Secrets secrets = new Secrets() {
            @Override
            public boolean isSet(String name) {
                return false;
            }

            @Override
            public void put(String name, String value) {
            }

            @Override
            public void remove(String name) {
            }

            @Override
            public Optional<String> read(String name) {
                return Optional.empty();
            }
        };
        HostInfo host = new HostInfo("Console", "1.0", "med1", "127.0.0.1", ZoneId.of("America/Chicago"));
        RightContribution offered = () -> List.of();
        Extensions extensions = new Extensions() {
            @Override
            public <T extends ExtensionPoint> List<T> find(Class<T> type) {
                return type == RightContribution.class ? List.of(type.cast(offered)) : List.of();
            }
        };
        List<Notice> raised = new ArrayList<>();
        Notices notices = new Notices() {
            @Override
            public boolean raise(Notice notice) {
                return raised.add(notice);
            }

            @Override
            public boolean clear(String key) {
                return raised.removeIf(n -> n.key().equals(key));
            }

            @Override
            public List<Notice> open() {
                return List.copyOf(raised);
            }
        };
        List<String> recorded = new ArrayList<>();
        Metrics metrics = new Metrics() {
            @Override
            public Counter counter(String name, String description, String... tags) {
                return () -> recorded.add(name);
            }

            @Override
            public Timer timer(String name, String description, String... tags) {
                return duration -> recorded.add(name + " " + duration);
            }

            @Override
            public void gauge(String name, String description, DoubleSupplier value, String... tags) {
                recorded.add(name + " " + value.getAsDouble());
            }
        };
        PluginContext context = new PluginContext("example", database, host, directory, audit, Clock.systemUTC(),
                scheduler, settings, secrets, extensions, notices, metrics);

        RepeatingTask task = () -> Duration.ofMinutes(5);
        assertThat(context.scheduler().schedule("poll", Duration.ZERO, task)).isSameAs(handle);
        assertThat(context.database().migrate("db/example").historyTable()).isEqualTo("example_schema_history");
        assertThat(context.district().current()).map(District::students).contains(1000L);
        assertThat(context.host().applicationName()).isEqualTo("med1");
        assertThat(Scheduler.RETRY_AFTER_FAILURE).isPositive();
        assertThat(HostApi.version()).matches("\\d+\\.\\d+\\.\\d+");
        context.audit().record(ActingUser.system(), "example.test", "Nothing happened");
        context.audit().record(ActingUser.system(), "example.test", AuditOutcome.FAILED, "Nothing happened");
        AuditActions named = () -> List.of(new AuditAction("example.test", "Tested the example"));
        assertThat(named.auditActions().get(0).label()).isEqualTo("Tested the example");
        assertThat(ActingUser.system().remoteAddress()).isEqualTo(ActingUser.LOCAL_ADDRESS);
        assertThat(ActingUser.system().toString()).doesNotContain("rights");

        assertThat(context.extensions().find(RightContribution.class)).singleElement()
                .extracting(RightContribution::rights).isEqualTo(List.of());
        assertThat(context.extensions().find(MenuContribution.class)).isEmpty();

        Notice terms = Notice.of("terms.v2", Audience.holdersOf("example.tool", Level.WRITE), Severity.WARNING,
                "New terms to accept", "Accept them by the deadline.").withDeadline(Instant.EPOCH).linkingTo("example");
        assertThat(context.notices().raise(terms)).isTrue();
        assertThat(context.notices().open()).singleElement().satisfies(n -> {
            assertThat(n.deadlineIfAny()).contains(Instant.EPOCH);
            assertThat(n.panelIfAny()).contains("example");
        });
        assertThat(context.notices().clear("terms.v2")).isTrue();
        context.metrics().counter("example.calls", "Calls", "outcome", "ok").increment();
        context.metrics().timer("example.latency", "Latency").record(Duration.ofMillis(3));
        context.metrics().gauge("example.items", "Items", () -> 2);
        assertThat(recorded).containsExactly("example.calls", "example.latency PT0.003S", "example.items 2.0");

        assertThatThrownBy(() -> new PluginContext("example", null, host, directory, audit, Clock.systemUTC(),
                scheduler, settings, secrets, extensions, notices, metrics))
                .hasMessageContaining("Field 'database' cannot be null");
        assertThatThrownBy(() -> new PluginContext("example", database, host, directory, audit, Clock.systemUTC(),
                scheduler, settings, secrets, extensions, null, metrics))
                .hasMessageContaining("Field 'notices' cannot be null");
    }

    @Test
    void noticesAreCheckedWhenMade() {
        Audience writers = Audience.holdersOf("example.tool", Level.WRITE);
        assertThat(Notice.of("router.down", writers, Severity.CRITICAL, "Router down", null).text()).isEmpty();
        assertThat(Notice.of("x", Audience.user("u-1"), Severity.INFO, "Done", "").audience())
                .isEqualTo(new Audience.OneUser("u-1"));
        assertThatThrownBy(() -> Notice.of("Bad Key", writers, Severity.INFO, "t", "")).isInstanceOf(
                HostApiException.class);
        assertThatThrownBy(() -> Notice.of("k", writers, Severity.INFO, "two\nlines", ""))
                .hasMessageContaining("one line");
        assertThatThrownBy(() -> Notice.of("k", writers, Severity.INFO, "t".repeat(201), ""))
                .hasMessageContaining("200");
        assertThatThrownBy(() -> Notice.of("k", writers, Severity.INFO, "t", "x".repeat(2001)))
                .hasMessageContaining("2000");
        assertThatThrownBy(() -> Audience.user(" ")).isInstanceOf(HostApiException.class);
    }

    @Test
    void healthResultsCarryTheirFacts() {
        HealthResult down = HealthResult.down("Router unreachable since 10:00").withDetails(Map.of("lastError", "x"));
        assertThat(down.healthy()).isFalse();
        assertThat(down.details()).containsEntry("lastError", "x");
        assertThat(HealthResult.up(null).message()).isEmpty();
        HealthCheck check = new HealthCheck() {
            @Override
            public String name() {
                return "router";
            }

            @Override
            public HealthResult check() {
                return HealthResult.up("answers");
            }
        };
        assertThat(check.check().healthy()).isTrue();
    }
}
