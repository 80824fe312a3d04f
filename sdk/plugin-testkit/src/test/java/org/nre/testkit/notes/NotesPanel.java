package org.nre.testkit.notes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

@Extension
public class NotesPanel implements SettingsPanel {

    private final NotesPlugin plugin;
    private final PluginContext context;

    public NotesPanel(NotesPlugin plugin) {
        this.plugin = plugin;
        this.context = plugin.context();
    }

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition("notes", "Notes", "notes.use", List.of(
                PanelAction.of("add", "Add", Level.WRITE),
                PanelAction.of("tidy", "Tidy now", Level.WRITE),
                PanelAction.of("boom", "Fail", Level.WRITE),
                new PanelAction("clear", "Clear all", Level.DELETE, "Every note is deleted.")));
    }

    @Override
    public PanelView view(PanelRequest request) {
        String district = context.district().current().map(d -> d.name()).orElse("no district");
        String greetings = String.join(", ", context.extensions().find(Greeting.class).stream()
                .map(Greeting::text).toList());
        return PanelView.of(Section.of("Notes",
                new Component.LabelledValue("District", district),
                new Component.LabelledValue("Greetings", greetings.isEmpty() ? "none" : greetings),
                new Component.Table("Notes", List.of("Text"), notes(), "No notes."),
                new Component.TextInput("text", "Text", "", InputKind.TEXT, "1 to 50 characters."),
                new Component.Button("add", true),
                new Component.Button("clear", false)));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        switch (action) {
            case "add" -> {
                String text = input.text("text").orElse("");
                if (text.isEmpty() || text.length() > 50) {
                    return ActionResult.invalid("Nothing was added.", new FieldError("text", "Use 1 to 50 characters."));
                }
                update("INSERT INTO notes_note (text) VALUES (?)", text);
                context.audit().record(request.user(), "notes.add", text);
                return ActionResult.success("Added.");
            }
            case "tidy" -> {
                plugin.tidy().runSoon();
                return ActionResult.success("Tidying soon.");
            }
            case "clear" -> {
                update("DELETE FROM notes_note");
                return ActionResult.success("Cleared.");
            }
            default -> throw new IllegalStateException("the notes are on fire");
        }
    }

    private void update(String sql, String... values) {
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<List<String>> notes() {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT text FROM notes_note ORDER BY id");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(List.of(result.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }
}
