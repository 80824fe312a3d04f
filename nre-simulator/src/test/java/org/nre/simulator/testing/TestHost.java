package org.nre.simulator.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.hostapi.user.ActingUser;
import org.pf4j.ExtensionPoint;

/**
 * The host's side of the plugin's tests: a real database, and in-memory versions of the other services a console
 * provides (settings, secrets, an audit log the test reads).
 */
public final class TestHost implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final Instant NOW = Instant.parse("2026-11-28T19:04:44Z");
    public static final ActingUser VENDOR = new ActingUser("jdoe", "Doe, Jane", "10.0.0.7",
            (rightId, level) -> true);

    public final TestClock clock = new TestClock(NOW);
    public final TestDatabase database = TestDatabase.h2();
    public final Map<String, String> settings = new ConcurrentHashMap<>();
    public final Map<String, String> secrets = new ConcurrentHashMap<>();
    /** Each entry as "user action detail". */
    public final List<String> audit = Collections.synchronizedList(new ArrayList<>());

    public PluginContext context() {
        Database db = new Database() {
            @Override
            public DataSource dataSource() {
                return database.dataSource();
            }

            @Override
            public DatabaseProduct product() {
                return DatabaseProduct.H2;
            }

            @Override
            public MigrationResult migrate(String location) {
                return database.migrate(location);
            }
        };
        Settings pluginSettings = new Settings() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(settings.get(name));
            }

            @Override
            public void put(String name, String value) {
                settings.put(name, value);
            }

            @Override
            public void remove(String name) {
                settings.remove(name);
            }

            @Override
            public Map<String, String> all() {
                return Map.copyOf(settings);
            }
        };
        Secrets pluginSecrets = new Secrets() {
            @Override
            public boolean isSet(String name) {
                return secrets.containsKey(name);
            }

            @Override
            public void put(String name, String value) {
                secrets.put(name, value);
            }

            @Override
            public void remove(String name) {
                secrets.remove(name);
            }

            @Override
            public Optional<String> read(String name) {
                return Optional.ofNullable(secrets.get(name));
            }
        };
        Extensions none = new Extensions() {
            @Override
            public <T extends ExtensionPoint> List<T> find(Class<T> type) {
                return List.of();
            }
        };
        return new PluginContext("simulated-router", db, new HostInfo("Test Console", "1.0", "med1", "127.0.0.1",
                ZONE), Optional::empty, (user, action, detail) -> audit.add(user.id() + " " + action + " " + detail),
                clock, (name, firstDelay, task) -> new ScheduledTask() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public void runSoon() {
                    }
                }, pluginSettings, pluginSecrets, none);
    }

    @Override
    public void close() {
        database.close();
    }
}
