package org.nre.plugin.testing;

import java.time.Duration;
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
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.schedule.RepeatingTask;
import org.nre.hostapi.schedule.ScheduledTask;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.hostapi.user.ActingUser;
import org.pf4j.ExtensionPoint;

/**
 * The host's side of the plugin's tests: a real database, and simple in-memory versions of the services a
 * console provides (settings, secrets, audit log, a scheduler whose tasks the test runs by hand).
 */
public final class TestHost {

    public static final District DISTRICT = new District("IL-0150", "Prairie Valley CUSD 150", "IL", List.of(
            new CensusLocality("High School", "Springfield", "62704", 612),
            new CensusLocality("High School", "Chatham", "62629", 241),
            new CensusLocality("High School", "Rochester", "62563", 9),
            new CensusLocality("Middle School", "Springfield", "62711", 138)));
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final ActingUser ADMIN = new ActingUser("jdoe", "Doe, Jane", "10.0.0.7",
            (rightId, level) -> true);

    /** A task the plugin scheduled. */
    public record Task(String name, Duration firstDelay, RepeatingTask task) {
    }

    public final TestClock clock;
    public final TestDatabase database;
    public final Map<String, String> settings = new ConcurrentHashMap<>();
    public final Map<String, String> secrets = new ConcurrentHashMap<>();
    public final List<String> audit = Collections.synchronizedList(new ArrayList<>());
    public final List<Task> tasks = Collections.synchronizedList(new ArrayList<>());
    private volatile Optional<District> district = Optional.of(DISTRICT);

    public TestHost(TestDatabase database, TestClock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void withoutDistrict() {
        district = Optional.empty();
    }

    public void routerAt(String url, String key, String secret) {
        settings.put("router-url", url);
        settings.put("district-key", key);
        secrets.put("shared-secret", secret);
    }

    public PluginContext context() {
        Database db = new Database() {
            @Override
            public DataSource dataSource() {
                return database.dataSource();
            }

            @Override
            public DatabaseProduct product() {
                return database.product();
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
        return new PluginContext("nre", db, new HostInfo("Test Console", "1.0", "med1", "127.0.0.1", ZONE),
                () -> district, (user, action, detail) -> audit.add(user.id() + " " + action + " " + detail), clock,
                (name, firstDelay, task) -> {
                    tasks.add(new Task(name, firstDelay, task));
                    return new ScheduledTask() {
                        @Override
                        public void cancel() {
                        }

                        @Override
                        public void runSoon() {
                        }
                    };
                },
                pluginSettings, pluginSecrets, none);
    }

    /** Runs the plugin's status poller once, as the console's scheduler would; answers its next pause. */
    public Duration runPoller() throws Exception {
        return tasks.stream().filter(t -> t.name().equals("status")).findFirst().orElseThrow().task().run();
    }

    public static ActingUser user(String id, String name) {
        return new ActingUser(id, name, "10.0.0.9", RightSet.none());
    }
}
