package org.nre.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.district.District;
import org.pf4j.ExtensionPoint;

/**
 * What the console around a plugin's test is like; every value has a default.
 *
 * @param <B> the builder's own type
 */
public abstract class ConsoleSetup<B extends ConsoleSetup<B>> {

    final String pluginId;
    TestDatabase database;
    TestClock clock = new TestClock(TestClock.DEFAULT_START);
    HostInfo host = TestContext.HOST;
    Optional<District> district = Optional.of(TestContext.DISTRICT);
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, String> secrets = new LinkedHashMap<>();
    final Map<Class<?>, List<Object>> offered = new LinkedHashMap<>();

    ConsoleSetup(String pluginId) {
        if (pluginId == null || pluginId.isBlank()) {
            throw new IllegalArgumentException("pluginId cannot be empty: use the plugin's Plugin-Id");
        }
        this.pluginId = pluginId;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * Runs on this database, which the test closes itself (so that a second console can start on it, as a console
     * restarts); without it, a fresh H2 database is made and closed with the console.
     *
     * @param database the database
     * @return this builder
     */
    public B database(TestDatabase database) {
        this.database = database;
        return self();
    }

    /**
     * The clock the plugin reads.
     *
     * @param clock the clock
     * @return this builder
     */
    public B clock(TestClock clock) {
        this.clock = clock;
        return self();
    }

    /**
     * Facts about the console.
     *
     * @param host the facts
     * @return this builder
     */
    public B host(HostInfo host) {
        this.host = host;
        return self();
    }

    /**
     * The district the console serves.
     *
     * @param district the district
     * @return this builder
     */
    public B district(District district) {
        this.district = Optional.of(district);
        return self();
    }

    /**
     * A console that serves no district yet.
     *
     * @return this builder
     */
    public B withoutDistrict() {
        this.district = Optional.empty();
        return self();
    }

    /**
     * A setting the plugin finds stored when it starts.
     *
     * @param name the setting's name
     * @param value its value
     * @return this builder
     */
    public B setting(String name, String value) {
        settings.put(name, value);
        return self();
    }

    /**
     * A secret the plugin finds stored when it starts.
     *
     * @param name the secret's name
     * @param value its value
     * @return this builder
     */
    public B secret(String name, String value) {
        secrets.put(name, value);
        return self();
    }

    /**
     * An extension another started plugin offers, which the plugin finds through
     * {@code context.extensions().find(type)}.
     *
     * @param type the extension point
     * @param extension the extension
     * @param <T> the type
     * @return this builder
     */
    public <T extends ExtensionPoint> B offering(Class<T> type, T extension) {
        offered.computeIfAbsent(type, t -> new ArrayList<>()).add(extension);
        return self();
    }
}
