#set( $table = $pluginId.replace("-", "_") + "_note" )
package ${package};

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.nre.hostapi.PluginContext;
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
import org.nre.hostapi.rights.Level;
import org.pf4j.Extension;

/** The panel: the newest notes, and a form to add one (W), refused on its field when empty or too long. */
@Extension
public class ${classPrefix}Panel implements SettingsPanel {

    static final String ID = "${pluginId}";
    static final int MAX_LENGTH = 200;

    private final PluginContext context;

    /** The console creates the panel with the plugin's own class, whose context it shares. */
    public ${classPrefix}Panel(${classPrefix}Plugin plugin) {
        this.context = plugin.context();
    }

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition(ID, "${toolName}", ${classPrefix}Right.ID,
                List.of(PanelAction.of("add", "Add the note", Level.WRITE)));
    }

    @Override
    public PanelView view(PanelRequest request) {
        return PanelView.of(Section.of("Notes",
                new Component.Table("Newest notes", List.of("When", "Who", "Note"), newest(), "No note yet."),
                new Component.TextInput("text", "Note", "", InputKind.MULTILINE, "1 to " + MAX_LENGTH + " characters."),
                new Component.Button("add", true)));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        String text = input.text("text").map(String::strip).orElse("");
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return ActionResult.invalid("Nothing was added.",
                    new FieldError("text", "Write 1 to " + MAX_LENGTH + " characters."));
        }
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ${table} (id, text, written_by, written_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, text);
            insert.setString(3, request.user().displayName());
            insert.setTimestamp(4, Timestamp.from(context.clock().instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the note", e);
        }
        context.audit().record(request.user(), "${pluginId}.add", "Added a note of " + text.length() + " characters");
        return ActionResult.success("The note is added.");
    }

    private List<List<String>> newest() {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT written_at, written_by, text FROM ${table} ORDER BY written_at DESC, id");
             ResultSet result = select.executeQuery()) {
            while (result.next() && rows.size() < 20) {
                rows.add(List.of(result.getTimestamp(1).toInstant().toString(), result.getString(2),
                        result.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the notes", e);
        }
        return rows;
    }
}
