package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.user.ActingUser;
import org.nre.testkit.PanelDriver;
import org.nre.testkit.PluginHarness;
import org.nre.testkit.TestDatabase;
import org.nre.testkit.TestUsers;

/**
 * The plugin without a console, on the plugin test kit: H2 by default, another database with
 * NRE_TEST_DATABASE=mariadb or NRE_TEST_DATABASE=postgresql.
 */
class ${classPrefix}PluginTest {

    private static final ActingUser WRITER = TestUsers.holding("jdoe", "${pluginId}.notes", Level.WRITE);
    private static final ActingUser READER = TestUsers.holding("rroe", "${pluginId}.notes", Level.READ);

    private TestDatabase database;
    private PluginHarness plugin;

    @BeforeEach
    void start() {
        database = TestDatabase.fromEnvironment();
        plugin = PluginHarness.forPlugin("${pluginId}", ${classPrefix}Plugin::new).database(database).start();
    }

    @AfterEach
    void stop() {
        plugin.close();
        database.close();
    }

    @Test
    void theToolIsInTheToolsMenuForReadersOfItsRight() {
        assertThat(plugin.menuEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.path()).containsExactly("Tools");
            assertThat(entry.required().rightId()).isEqualTo("${pluginId}.notes");
            assertThat(entry.required().level()).isEqualTo(Level.READ);
        });
    }

    @Test
    void aWriterAddsANoteThatReadersThenSee() {
        assertThat(plugin.panel("${pluginId}", WRITER).act("add", Map.of("text", "  Lunch at noon  ")))
                .isEqualTo(ActionResult.success("The note is added."));
        plugin.clock().advance(Duration.ofMinutes(1));

        assertThat(notes(plugin.panel("${pluginId}", READER))).containsExactly("Lunch at noon");
    }

    @Test
    void anEmptyOrTooLongNoteIsRefusedOnItsFieldAndNothingIsStored() {
        PanelDriver panel = plugin.panel("${pluginId}", WRITER);

        assertThat(panel.act("add", Map.of("text", " "))).isEqualTo(ActionResult.invalid("Nothing was added.",
                new FieldError("text", "Write 1 to 200 characters.")));
        assertThat(panel.act("add", Map.of("text", "x".repeat(201)))).isInstanceOf(ActionResult.Invalid.class);
        assertThat(notes(panel)).isEmpty();
    }

    @Test
    void aReaderCannotAddAndSeesNoButton() {
        PanelDriver panel = plugin.panel("${pluginId}", READER);

        assertThat(panel.actionsAvailable()).isEmpty();
        assertThat(panel.refusal("add", Map.of("text", "hello"))).contains("needs the level W");
        assertThat(notes(panel)).isEmpty();
    }

    @Test
    void someoneWithoutTheRightCannotOpenThePanel() {
        assertThat(plugin.panel("${pluginId}", TestUsers.withoutRights("guest")).viewRefusal())
                .contains("needs read (R)");
    }

    private static java.util.List<String> notes(PanelDriver panel) {
        Component.Table table = panel.view().sections().get(0).components().stream()
                .filter(Component.Table.class::isInstance).map(Component.Table.class::cast).findFirst().orElseThrow();
        return table.rows().stream().map(row -> row.get(2)).toList();
    }
}
