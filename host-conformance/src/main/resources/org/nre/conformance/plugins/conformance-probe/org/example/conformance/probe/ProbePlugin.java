package org.example.conformance.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.storage.MigrationResult;
import org.pf4j.Plugin;

/**
 * Records what the host did to it into its own tables, for the conformance kit to read: its migrations, the context
 * class loader of every call, its secret read back, its constructors, and the runs of its repeating task.
 */
public class ProbePlugin extends Plugin {

    /** The secret's value, which must never appear in the database or a view. */
    static final String CANARY = "conformance-canary-5d1f0c7e9a2b4e38";

    private static volatile ProbePlugin current;

    private final PluginContext context;
    private final String node = UUID.randomUUID().toString();
    private final List<String[]> pending = new ArrayList<>();
    private boolean migrated;
    private ScheduledTask tick;

    public ProbePlugin(PluginContext context) {
        this.context = context;
        current = this;
        record("loader:plugin-constructor", ownLoader());
    }

    /** The plugin this class loader started: an extension made with no arguments reaches it here. */
    static ProbePlugin current() {
        return current;
    }

    PluginContext context() {
        return context;
    }

    /** Whether the thread's context class loader is this plugin's own. */
    static String ownLoader() {
        return String.valueOf(Thread.currentThread().getContextClassLoader() == ProbePlugin.class.getClassLoader());
    }

    @Override
    public void start() {
        record("loader:start", ownLoader());
        MigrationResult result = context.database().migrate("db/conformance-probe");
        synchronized (this) {
            migrated = true;
            for (String[] observation : pending) {
                insert(observation[0], observation[1]);
            }
            pending.clear();
        }
        record("migration", "applied=" + result.applied() + " version=" + result.schemaVersion());
        context.secrets().put("token", CANARY);
        boolean matched = context.secrets().read("token").filter(CANARY::equals).isPresent();
        record("secret:read-back", matched ? "matched" : "differed");
        record("secret:is-set", String.valueOf(context.secrets().isSet("token")));
        tick = context.scheduler().schedule("tick", Duration.ZERO, this::tick);
    }

    @Override
    public void stop() {
        if (tick != null) {
            tick.cancel();
        }
    }

    /** Records an observation; before the tables exist, it waits in memory. */
    synchronized void record(String name, String observed) {
        if (migrated) {
            insert(name, observed);
        } else {
            pending.add(new String[] {name, observed});
        }
    }

    private Duration tick() {
        record("loader:task", ownLoader());
        long started = context.clock().millis();
        boolean interrupted = false;
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        long ended = context.clock().millis();
        execute("INSERT INTO conformance_probe_tick (node, started_at, ended_at) VALUES (?, ?, ?)",
                node, started, ended);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return Duration.ofSeconds(1);
    }

    private void insert(String name, String observed) {
        execute("INSERT INTO conformance_probe_observation (node, name, observed, recorded_at) VALUES (?, ?, ?, ?)",
                node, name, observed, context.clock().millis());
    }

    private void execute(String sql, Object... values) {
        try (Connection connection = context.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The probe could not record: " + e.getMessage(), e);
        }
    }
}
