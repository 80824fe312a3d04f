package org.nre.simulator.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.hostapi.user.ActingUser;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestContext;

/**
 * The console's side of the plugin's tests, from the plugin test kit: the host kit's own settings, secrets, audit
 * log and migrations over a fresh H2 database, and a clock the test moves.
 */
public final class TestHost implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final Instant NOW = Instant.parse("2026-11-28T19:04:44Z");
    public static final ActingUser VENDOR = new ActingUser("jdoe", "Doe, Jane", "10.0.0.7",
            (rightId, level) -> true);

    public final TestClock clock = new TestClock(NOW);
    private final TestContext console = TestContext.forPlugin("simulated-router").clock(clock)
            .host(new HostInfo("Test Console", "1.0", "med1", "127.0.0.1", ZONE)).withoutDistrict().start();

    public PluginContext context() {
        return console.context();
    }

    public Settings settings() {
        return console.context().settings();
    }

    public Secrets secrets() {
        return console.context().secrets();
    }

    /** What the plugin wrote to the audit log, each as "user action detail", oldest first. */
    public List<String> audit() {
        return console.audit().stream().map(e -> e.userId() + " " + e.action() + " " + e.detail()).toList();
    }

    @Override
    public void close() {
        console.close();
    }
}
