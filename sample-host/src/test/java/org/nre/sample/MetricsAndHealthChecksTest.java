package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.audit.AuditStore;

/**
 * A console with a plugin that records a metric and contributes two health checks, one failing: a monitor reads
 * /metrics with the monitoring token (or an administrator signed in), nobody else; /healthz is DEGRADED by the
 * failing check and names it in its details.
 */
@Tag("slow")
class MetricsAndHealthChecksTest {

    static final String MONITORING_TOKEN = "a-monitoring-token-of-some-length";

    static final String PROBE = """
            package org.example.probe;

            public class Probe extends org.pf4j.Plugin {
                private final org.nre.hostapi.PluginContext context;

                public Probe(org.nre.hostapi.PluginContext context) {
                    this.context = context;
                }

                public void start() {
                    context.metrics().counter("probe.pings", "Pings the probe sent", "outcome", "answered")
                            .increment();
                }
            }
            """;

    static final String CHECK = """
            package org.example.probe;

            import java.util.Map;
            import org.nre.hostapi.health.HealthCheck;
            import org.nre.hostapi.health.HealthResult;

            @org.pf4j.Extension
            public class %1$s implements HealthCheck {
                public String name() {
                    return "%2$s";
                }

                public HealthResult check() {
                    return new HealthResult(%3$s, "%4$s", Map.of("lastContact", "2026-12-03T14:00:00Z"));
                }
            }
            """;

    @TempDir
    static Path dir;
    static TestConsole console;

    @BeforeAll
    static void start() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPlugin.named("probe").pluginClass("org.example.probe.Probe", PROBE)
                .extension("org.example.probe.Vendor", CHECK.formatted("Vendor", "vendor", false,
                        "The vendor has not answered for 10 minutes: check the firewall"))
                .extension("org.example.probe.Disk", CHECK.formatted("Disk", "disk", true, "12 GB free"))
                .zipInto(plugins);
        console = TestConsole.start(List.of("--port", "0", "--plugins", plugins.toString(), "--data",
                        dir.resolve("data").toString(), "--demo-data", "true"),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD,
                        "NRE_MONITORING_TOKEN", MONITORING_TOKEN),
                Clock.systemUTC(), plugins);
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void metricsAreRefusedWithoutTheTokenAndTheRefusalIsAudited() {
        WebClient.Response anonymous = console.client().get("/metrics");
        WebClient.Response wrongToken = withToken("/metrics", "not-the-monitoring-token-at-all");
        WebClient.Response notAnAdministrator = console.demoUser("registrar").get("/metrics");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(anonymous.body()).contains("Send the monitoring token").doesNotContain("jvm_");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(notAnAdministrator.status()).isEqualTo(403);
        assertThat(notAnAdministrator.body()).doesNotContain("jvm_");
        assertThat(new AuditStore(console.console().database().jdbc(), Clock.systemUTC()).newest(100))
                .filteredOn(entry -> entry.action().equals("refused")).extracting(AuditStore.Entry::detail)
                .anyMatch(detail -> detail.startsWith("GET /metrics answered 401"))
                .anyMatch(detail -> detail.startsWith("GET /metrics answered 403"));
    }

    @Test
    void aMonitorWithTheTokenReadsTheConsolesAndThePluginsMetrics() {
        WebClient refused = console.client();
        refused.postForm("/signin", Map.of("login", "admin", "password", "wrong-password"));
        WebClient admin = console.admin();
        admin.get("/api/panels/no-such-panel");
        console.client().get("/healthz");

        WebClient.Response metrics = withToken("/metrics", MONITORING_TOKEN);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                "process_uptime_seconds", "hikaricp_connections_active{pool=\"console\"}",
                "console_signins_total{outcome=\"success\"}", "console_signins_total{outcome=\"bad_credentials\"}",
                "console_plugins{state=\"STARTED\"} 1.0", "probe_pings_total{outcome=\"answered\"} 1.0",
                "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/healthz\"}",
                "uri=\"/api/panels/{panel}\"");
        assertThat(metrics.body()).as("a route's template, never the path with its ids")
                .doesNotContain("no-such-panel");
        assertThat(count(metrics.body(), "console_signins_total{outcome=\"bad_credentials\"}")).isPositive();
    }

    @Test
    void aSignedInAdministratorReadsTheMetricsToo() {
        WebClient.Response metrics = console.admin().get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("probe_pings_total");
    }

    @Test
    void aFailingContributedCheckDegradesTheConsoleAndOnlyTheDetailsNameIt() throws Exception {
        WebClient.Response anyone = console.client().get("/healthz");
        WebClient.Response monitor = withToken("/healthz", MONITORING_TOKEN);

        assertThat(anyone.status()).isEqualTo(200);
        assertThat(anyone.body()).isEqualTo("{\"status\":\"DEGRADED\"}");
        assertThat(monitor.status()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(monitor.body());
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.get("database").asText()).isEqualTo("UP");
        JsonNode checks = health.get("checks");
        assertThat(checks).hasSize(2);
        assertThat(checks.get(0).get("name").asText()).isEqualTo("probe.disk");
        assertThat(checks.get(0).get("status").asText()).isEqualTo("UP");
        assertThat(checks.get(1).get("name").asText()).isEqualTo("probe.vendor");
        assertThat(checks.get(1).get("status").asText()).isEqualTo("DOWN");
        assertThat(checks.get(1).get("message").asText())
                .isEqualTo("The vendor has not answered for 10 minutes: check the firewall");
        assertThat(checks.get(1).get("details").get("lastContact").asText()).isEqualTo("2026-12-03T14:00:00Z");
    }

    private static WebClient.Response withToken(String path, String token) {
        WebClient client = console.client();
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .header("Authorization", "Bearer " + token).GET());
    }

    private static double count(String scrape, String series) {
        return scrape.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
    }
}
