package org.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.user.ActingUser;
import org.nre.testkit.AuditEntry;
import org.nre.testkit.PanelDriver;
import org.nre.testkit.PluginHarness;
import org.nre.testkit.TestDatabase;
import org.nre.testkit.TestUsers;

/** The plugin in its own test, without a console: the plugin test kit gives it a context over a real database. */
class HelloPluginTest {

    private static final ActingUser WRITER = TestUsers.holding("jdoe", "hello.greetings", Level.WRITE);
    private static final ActingUser READER = TestUsers.holding("rroe", "hello.greetings", Level.READ);

    private PluginHarness hello;

    @BeforeEach
    void start() {
        hello = PluginHarness.forPlugin("hello", HelloPlugin::new).start();
    }

    @AfterEach
    void stop() {
        hello.close();
    }

    @Test
    void theMenuEntryOpensThePanelForReadersOfTheRight() {
        assertThat(hello.menuEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.path()).containsExactly("Tools");
            assertThat(entry.panelId()).isEqualTo("hello");
            assertThat(entry.required().rightId()).isEqualTo("hello.greetings");
            assertThat(entry.required().level()).isEqualTo(Level.READ);
        });
        assertThat(hello.rights()).singleElement().satisfies(right ->
                assertThat(right.levels()).containsExactlyInAnyOrder(Level.READ, Level.WRITE, Level.DELETE));
    }

    @Test
    void aWriterSendsAGreetingWhichIsStoredAndAudited() {
        PanelDriver panel = hello.panel("hello", WRITER);

        ActionResult sent = panel.act("send");

        assertThat(sent).isEqualTo(ActionResult.success("Sent: Hello!"));
        assertThat(panel.view().sections().get(0).components()).anySatisfy(component ->
                assertThat(component).isInstanceOfSatisfying(Component.Table.class, table ->
                        assertThat(table.rows()).singleElement().satisfies(row ->
                                assertThat(row).containsExactly("2026-01-05T15:00:00Z", "jdoe", "Hello!"))));
        assertThat(hello.audit()).extracting(AuditEntry::source, AuditEntry::action)
                .contains(org.assertj.core.groups.Tuple.tuple("hello", "hello.send"),
                        org.assertj.core.groups.Tuple.tuple("console", "panel.action"));
    }

    @Test
    void deletingTheGreetingsSentNeedsDeleteAndAConfirmation() {
        ActingUser deleter = TestUsers.holding("ddoe", "hello.greetings", Level.WRITE, Level.DELETE);
        hello.panel("hello", WRITER).act("send");

        assertThat(hello.panel("hello", WRITER).actionsAvailable()).doesNotContain("forget");
        assertThat(hello.panel("hello", deleter).actionsAvailable()).contains("forget");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hello.panel("hello", deleter).act("forget"))
                .hasMessageContaining("confirm");
        ActionResult deleted = hello.panel("hello", deleter).actConfirmed("forget", java.util.Map.of());

        assertThat(deleted).isEqualTo(ActionResult.success("Deleted 1 greetings sent."));
        assertThat(hello.audit()).extracting(AuditEntry::source, AuditEntry::action)
                .contains(org.assertj.core.groups.Tuple.tuple("hello", "hello.forget"));
    }

    @Test
    void anEmptyGreetingIsRefusedOnItsFieldAndNothingIsSaved() {
        ActionResult refused = hello.panel("hello", WRITER).act("save", Map.of("greeting", ""));

        assertThat(refused).isEqualTo(ActionResult.invalid("Nothing was saved.",
                new FieldError("greeting", "Use 1 to 200 characters.")));
        assertThat(hello.context().settings().get("greeting")).isEmpty();
    }

    @Test
    void aReaderSeesThePanelWithoutButtonsAndIsRefusedSendingWhichIsAudited() {
        PanelDriver panel = hello.panel("hello", READER);

        assertThat(panel.actionsAvailable()).isEmpty();
        assertThat(panel.refusal("send", Map.of())).contains("needs the level W");
        assertThat(hello.audit()).extracting(AuditEntry::action).contains("panel.denied");
    }

    @Test
    void someoneWithoutTheRightCannotSeeThePanel() {
        assertThat(hello.panel("hello", TestUsers.withoutRights("guest")).viewRefusal())
                .contains("needs read (R)");
    }

    @Test
    void theGreetingAndTheTokenSurviveARestart() {
        try (TestDatabase database = TestDatabase.h2()) {
            try (PluginHarness first = PluginHarness.forPlugin("hello", HelloPlugin::new).database(database).start()) {
                first.panel("hello", WRITER).act("save", Map.of("greeting", "Good morning", "token", "t-123"));
            }
            try (PluginHarness again = PluginHarness.forPlugin("hello", HelloPlugin::new).database(database).start()) {
                assertThat(again.context().settings().get("greeting")).contains("Good morning");
                assertThat(again.context().secrets().read("token")).contains("t-123");
                assertThat(again.panel("hello", WRITER).act("send")).isEqualTo(ActionResult.success("Sent: Good morning"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseProduct.class)
    void itsTableIsCreatedAndUsedOnEveryDatabaseAConsoleRunsOn(DatabaseProduct product) {
        try (TestDatabase database = TestDatabase.of(product);
             PluginHarness onProduct = PluginHarness.forPlugin("hello", HelloPlugin::new).database(database).start()) {
            assertThat(onProduct.panel("hello", WRITER).act("send")).isInstanceOf(ActionResult.Success.class);
        }
    }
}
