package org.example.conformance.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.example.conformance.api.Greeting;
import org.nre.hostapi.PluginContext;
import org.pf4j.Plugin;

/** Looks up the exporter's extension when it starts and records how each call reached it. */
public class ConsumerPlugin extends Plugin {

    private final PluginContext context;

    public ConsumerPlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        context.database().migrate("db/conformance-consumer");
        List<Greeting> greetings = context.extensions().find(Greeting.class);
        record("greetings", String.valueOf(greetings.size()));
        if (greetings.isEmpty()) {
            return;
        }
        Greeting greeting = greetings.get(0);
        record("greeting", greeting.greet("conformance"));
        record("exporter-loader", String.valueOf(greeting.ownClassLoader()));
        try {
            greeting.fail();
            record("failure", "nothing thrown");
        } catch (RuntimeException e) {
            record("failure", e.getClass().getName());
        }
    }

    private void record(String name, String observed) {
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO conformance_consumer_observation (name, observed) VALUES (?, ?)")) {
            statement.setString(1, name);
            statement.setString(2, observed);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The consumer could not record: " + e.getMessage(), e);
        }
    }
}
