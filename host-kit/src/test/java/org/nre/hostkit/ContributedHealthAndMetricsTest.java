package org.nre.hostkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.conformance.PluginZip;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.health.CheckOutcome;
import org.nre.hostkit.notice.Addressees;

/** A real plugin zip that records metrics and contributes health checks, one failing and one throwing. */
class ContributedHealthAndMetricsTest {

    private static final String PLUGIN = """
            package org.example.probe;

            import org.nre.hostapi.PluginContext;
            import org.pf4j.Plugin;

            public class ProbePlugin extends Plugin {
                private final PluginContext context;

                public ProbePlugin(PluginContext context) {
                    this.context = context;
                }

                @Override
                public void start() {
                    context.metrics().counter("probe.starts", "Times the probe started").increment();
                    context.metrics().gauge("probe.answer", "The answer", () -> 42);
                }
            }
            """;

    private static final String FAILING_CHECK = """
            package org.example.probe;

            import org.nre.hostapi.health.HealthCheck;
            import org.nre.hostapi.health.HealthResult;
            import org.pf4j.Extension;

            @Extension
            public class VendorCheck implements HealthCheck {
                public String name() {
                    return "vendor";
                }

                public HealthResult check() {
                    return HealthResult.down("The vendor has not answered for 10 minutes");
                }
            }
            """;

    private static final String THROWING_CHECK = """
            package org.example.probe;

            import org.nre.hostapi.health.HealthCheck;
            import org.nre.hostapi.health.HealthResult;
            import org.pf4j.Extension;

            @Extension
            public class DiskCheck implements HealthCheck {
                public String name() {
                    return "disk";
                }

                public HealthResult check() {
                    throw new IllegalStateException("no disk");
                }
            }
            """;

    @TempDir
    Path dir;

    private HikariDataSource pool;
    private HostKit kit;

    @BeforeEach
    void start() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + dir.getFileName() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        pool = new HikariDataSource(config);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginZip.named("probe").pluginClass("org.example.probe.ProbePlugin", PLUGIN)
                .source("org.example.probe.VendorCheck", FAILING_CHECK)
                .source("org.example.probe.DiskCheck", THROWING_CHECK).zipInto(plugins);
        kit = HostKit.builder().database(pool, DatabaseProduct.H2)
                .host(new HostInfo("Test Console", "1", "test", "127.0.0.1", ZoneId.of("UTC")))
                .district(Optional::empty).memberships(userId -> List.of()).pluginsDir(plugins)
                .addressees(Addressees.none()).secrets(dir.resolve("data"), null).nodeId("node-1").build();
        kit.migrate();
        kit.startPlugins();
    }

    @AfterEach
    void stop() {
        kit.close();
        pool.close();
    }

    @Test
    void aStartedPluginsChecksAreRunAndAFailureOrExceptionIsAFailingOutcome() {
        List<CheckOutcome> checks = kit.health().checks();

        assertThat(checks).extracting(CheckOutcome::name, CheckOutcome::healthy, CheckOutcome::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("probe.disk", false,
                                "failed: IllegalStateException (see the console's log)"),
                        org.assertj.core.groups.Tuple.tuple("probe.vendor", false,
                                "The vendor has not answered for 10 minutes"));
        assertThat(kit.health().healthy()).isFalse();
    }

    @Test
    void thePluginsMetricsAndStatesAreScrapedWithTheJvms() {
        assertThat(kit.metrics().scrape()).contains("probe_starts_total 1.0").contains("probe_answer 42.0")
                .contains("console_plugins{state=\"STARTED\"} 1.0").contains("jvm_memory_used_bytes");
    }

    @Test
    void aDisabledPluginsMetricsAndChecksGo() {
        kit.plugins().disable("probe", "admin");

        assertThat(kit.metrics().scrape()).doesNotContain("probe_")
                .contains("console_plugins{state=\"DISABLED\"} 1.0")
                .contains("console_plugins{state=\"STARTED\"} 0.0");
        assertThat(kit.health().checks()).isEmpty();
    }
}
