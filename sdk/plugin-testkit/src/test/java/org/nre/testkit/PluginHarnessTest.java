package org.nre.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.user.ActingUser;
import org.nre.testkit.notes.Greeting;
import org.nre.testkit.notes.NotesMenu;
import org.nre.testkit.notes.NotesPanel;
import org.nre.testkit.notes.NotesPlugin;
import org.nre.testkit.notes.NotesRight;
import org.nre.testkit.notes.StrayPanel;

class PluginHarnessTest {

    private static final ActingUser WRITER = TestUsers.holding("jdoe", "notes.use", Level.WRITE);
    private static final ActingUser CLEARER = TestUsers.holding("boss", "notes.use", Level.WRITE, Level.DELETE);

    @Test
    void thePluginIsStartedWithItsMigrationsAndItsExtensionsFoundThroughPf4jsIndex() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start()) {
            assertThat(notes.extensions(Object.class)).extracting(Object::getClass)
                    .containsExactlyInAnyOrder(NotesMenu.class, NotesPanel.class, NotesRight.class);
            assertThat(notes.menuEntries()).singleElement().extracting(e -> e.panelId()).isEqualTo("notes");
            assertThat(notes.panel("notes", WRITER).act("add", Map.of("text", "first")))
                    .isEqualTo(ActionResult.success("Added."));
            assertThat(table(notes.panel("notes", WRITER).view()).rows()).containsExactly(java.util.List.of("first"));
        }
    }

    @Test
    void thePluginsNoticesAreKeptAsAConsoleKeepsThemAndChecked() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start()) {
            Notices notices = notes.context().notices();
            Notice due = Notice.of("tidy.due", Audience.holdersOf("notes.use", Level.WRITE), Severity.WARNING,
                    "Notes need tidying", "").linkingTo("notes");

            assertThat(notices.raise(due)).isTrue();
            assertThat(notices.raise(due)).isFalse();
            assertThat(notes.notices()).containsExactly(due);
            assertThatThrownBy(() -> notices.raise(due.linkingTo("elsewhere")))
                    .isInstanceOf(HostApiException.class).hasMessageContaining("panel 'elsewhere'");
            assertThat(notices.clear("tidy.due")).isTrue();
            assertThat(notes.notices()).isEmpty();
        }
    }

    @Test
    void aPanelAConsoleWouldRefuseFailsTheStartWithTheConsolesReason() {
        assertThatThrownBy(() -> PluginHarness.forPlugin("notes", NotesPlugin::new)
                .extensions(NotesRight.class, StrayPanel.class).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("A console would refuse the panel 'notes-stray'")
                .hasMessageContaining("right 'nobody.right', which no started plugin defines");
    }

    @Test
    void rightsAreCheckedPerActionLevelAndRefusalsAudited() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start()) {
            ActingUser reader = TestUsers.holding("rroe", "notes.use", Level.READ);

            assertThat(notes.panel("notes", reader).actionsAvailable()).isEmpty();
            assertThat(notes.panel("notes", reader).view().sections()).flatExtracting(s -> s.components())
                    .as("a reader is shown no control").noneMatch(c -> c instanceof org.nre.hostapi.panel.Component.TextInput
                            || c instanceof org.nre.hostapi.panel.Component.Button)
                    .anyMatch(c -> c instanceof org.nre.hostapi.panel.Component.Table);
            assertThat(notes.panel("notes", WRITER).view().sections()).flatExtracting(s -> s.components())
                    .anyMatch(c -> c instanceof org.nre.hostapi.panel.Component.TextInput);
            assertThat(notes.panel("notes", reader).refusal("add", Map.of("text", "x")))
                    .isEqualTo("\"Add\" needs the level W (write) on the right 'Notes'.");
            assertThat(notes.panel("notes", TestUsers.withoutRights("guest")).viewRefusal())
                    .isEqualTo("Viewing this panel needs read (R) on the right 'Notes'.");
            assertThat(notes.panel("notes", WRITER).actionsAvailable()).containsExactly("add");
            assertThat(notes.audit()).extracting(AuditEntry::userId, AuditEntry::action)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("rroe", "panel.denied"));
        }
    }

    @Test
    void anInvalidActionAnswersOnItsFieldAndStoresNothing() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start()) {
            assertThat(notes.panel("notes", WRITER).act("add", Map.of("text", "")))
                    .isEqualTo(ActionResult.invalid("Nothing was added.", new FieldError("text", "Use 1 to 50 characters.")));
            assertThat(table(notes.panel("notes", WRITER).view()).rows()).isEmpty();
        }
    }

    @Test
    void anActionThatAsksFirstRunsOnlyOnceConfirmed() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start()) {
            PanelDriver panel = notes.panel("notes", CLEARER);
            panel.act("add", Map.of("text", "keep?"));

            assertThat(panel.refusal("clear", Map.of())).isEqualTo("needs confirmation");
            assertThatThrownBy(() -> panel.act("clear")).isInstanceOf(PanelRefused.class)
                    .hasMessageContaining("needs confirmation");
            assertThat(table(panel.view()).rows()).hasSize(1);
            assertThat(panel.actConfirmed("clear", Map.of())).isEqualTo(ActionResult.success("Cleared."));
            assertThat(table(panel.view()).rows()).isEmpty();
        }
    }

    @Test
    void aPluginThatThrowsIsReportedWithItsFailure() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start()) {
            assertThatThrownBy(() -> notes.panel("notes", WRITER).act("boom"))
                    .isInstanceOf(PanelRefused.class)
                    .hasMessageContaining("failed while running \"Fail\"")
                    .hasMessageContaining("the notes are on fire");
            assertThat(notes.failures()).singleElement().asString().contains("the notes are on fire");
        }
    }

    @Test
    void scheduledTasksRunWhenTheTestSaysAndStopWithThePlugin() throws Exception {
        PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).start();
        NotesPlugin plugin = (NotesPlugin) notes.plugin();

        assertThat(notes.scheduledTasks()).containsExactly("tidy");
        assertThat(notes.firstDelay("tidy")).isEqualTo(Duration.ofMinutes(5));
        assertThat(plugin.tidied()).isZero();
        assertThat(notes.runTask("tidy")).isEqualTo(Duration.ofHours(1));
        assertThat(plugin.tidied()).isEqualTo(1);
        assertThat(notes.runSoonAsked("tidy")).isFalse();
        notes.panel("notes", WRITER).act("tidy");
        assertThat(notes.runSoonAsked("tidy")).isTrue();

        notes.close();
        assertThat(notes.scheduledTasks()).isEmpty();
        assertThatThrownBy(() -> notes.runTask("tidy")).hasMessageContaining("No task 'tidy' is scheduled");
    }

    @Test
    void whatOtherPluginsOfferAndTheDistrictAreWhatTheTestGives() {
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new)
                .offering(Greeting.class, () -> "hi from another plugin").withoutDistrict().start()) {
            PanelView view = notes.panel("notes", WRITER).view();

            assertThat(value(view, "Greetings")).isEqualTo("hi from another plugin");
            assertThat(value(view, "District")).isEqualTo("no district");
        }
    }

    @Test
    void settingsAndSecretsGivenBeforeTheStartAreStoredAndTheClockIsTheTests() {
        TestClock clock = TestClock.at("2026-03-01T08:00:00Z");
        try (PluginHarness notes = PluginHarness.forPlugin("notes", NotesPlugin::new).clock(clock)
                .setting("colour", "green").secret("api-key", "k-1").start()) {
            notes.panel("notes", WRITER).act("add", Map.of("text", "dated"));

            assertThat(notes.context().settings().get("colour")).contains("green");
            assertThat(notes.context().secrets().read("api-key")).contains("k-1");
            assertThat(notes.audit()).filteredOn(e -> e.action().equals("notes.add")).singleElement()
                    .extracting(AuditEntry::at).isEqualTo(clock.instant());
            clock.advance(Duration.ofDays(1));
            assertThat(notes.context().clock().instant()).isEqualTo(java.time.Instant.parse("2026-03-02T08:00:00Z"));
            assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                    .hasMessageContaining("only moves forward");
        }
    }

    private static Component.Table table(PanelView view) {
        return view.sections().get(0).components().stream().filter(Component.Table.class::isInstance)
                .map(Component.Table.class::cast).findFirst().orElseThrow();
    }

    private static String value(PanelView view, String label) {
        return view.sections().get(0).components().stream().filter(Component.LabelledValue.class::isInstance)
                .map(Component.LabelledValue.class::cast).filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow().value();
    }
}
