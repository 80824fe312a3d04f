package org.example.hello;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

/** The Hello panel: the greeting (a setting), a token (a secret), and the greetings sent (the plugin's table). */
@Extension
public class HelloPanel implements SettingsPanel {

    private final PluginContext context;

    /** The console creates the panel with the plugin's own class, whose context it shares. */
    public HelloPanel(HelloPlugin plugin) {
        this.context = plugin.context();
    }

    @Override
    public PanelDefinition definition() {
        return new PanelDefinition("hello", "Hello", "hello.greetings", List.of(
                PanelAction.of("send", "Send a greeting", Level.WRITE),
                PanelAction.of("save", "Save", Level.WRITE),
                // Cannot be undone: the console shows it apart, in danger colours, and asks this first.
                PanelAction.destructive("forget", "Delete every greeting sent", Level.DELETE,
                        "Delete every greeting sent? The list of greetings sent is emptied for everyone and cannot "
                                + "be brought back.")));
    }

    @Override
    public PanelView view(PanelRequest request) {
        String greeting = context.settings().get("greeting").orElse("Hello, " + request.user().displayName() + "!");
        return PanelView.of(
                Section.of("Greetings",
                        new Component.LabelledValue("Greeting", greeting),
                        new Component.Table("Greetings sent", List.of("When", "Who", "Greeting"), sent(),
                                "No greeting sent yet."),
                        new Component.Button("send", true),
                        new Component.Button("forget", false)),
                Section.of("Settings",
                        new Component.TextInput("greeting", "Greeting", greeting, InputKind.TEXT, "1 to 200 characters."),
                        new Component.SecretInput("token", "Token", context.secrets().isSet("token"),
                                "Leave empty to keep it."),
                        new Component.Button("save", false)));
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        if (action.equals("send")) {
            String greeting = context.settings().get("greeting").orElse("Hello!");
            insert(greeting, request.user().displayName());
            context.audit().record(request.user(), "hello.send", "Sent a greeting");
            return ActionResult.success("Sent: " + greeting);
        }
        if (action.equals("forget")) {
            int deleted = forget();
            context.audit().record(request.user(), "hello.forget", "Deleted " + deleted + " greetings sent");
            return ActionResult.success("Deleted " + deleted + " greetings sent.");
        }
        String greeting = input.text("greeting").orElse("");
        if (greeting.isEmpty() || greeting.length() > 200) {
            return ActionResult.invalid("Nothing was saved.", new FieldError("greeting", "Use 1 to 200 characters."));
        }
        context.settings().put("greeting", greeting);
        input.text("token").ifPresent(token -> context.secrets().put("token", token));
        return ActionResult.success("Saved.");
    }

    private void insert(String text, String by) {
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO hello_greeting (text, sent_by, sent_at) VALUES (?, ?, ?)")) {
            insert.setString(1, text);
            insert.setString(2, by);
            insert.setTimestamp(3, Timestamp.from(context.clock().instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the greeting", e);
        }
    }

    private int forget() {
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM hello_greeting")) {
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete the greetings", e);
        }
    }

    private List<List<String>> sent() {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT sent_at, sent_by, text FROM hello_greeting ORDER BY id DESC LIMIT 10");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(List.of(result.getTimestamp(1).toInstant().toString(), result.getString(2), result.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the greetings", e);
        }
        return rows;
    }
}
