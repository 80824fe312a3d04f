package org.nre.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.api.router.ProvidedRouter;
import org.nre.hostapi.menu.MenuEntry;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.simulator.testing.SignedClient;
import org.nre.simulator.testing.TestHost;

class SimulatorPluginTest {

    private final TestHost host = new TestHost();
    private SimulatorPlugin plugin;

    @AfterEach
    void close() {
        if (plugin != null) {
            plugin.stop();
        }
        host.close();
    }

    private SimulatorPlugin started() {
        plugin = new SimulatorPlugin(host.context(), new SecureRandom());
        plugin.start();
        return plugin;
    }

    @Test
    void startingIssuesTheDistrictKeyAndSecretOnceAndKeepsThem() {
        started();
        String key = host.settings().get("district-key").orElse(null);
        String secret = host.secrets().read("shared-secret").orElse(null);
        plugin.stop();

        started();

        assertThat(key).matches("SIM-[0-9A-F]{12}");
        assertThat(secret).matches("[0-9a-f]{48}");
        assertThat(host.settings().get("district-key")).contains(key);
        assertThat(host.secrets().read("shared-secret")).contains(secret);
        assertThat(plugin.provided().orElseThrow().districtKey()).isEqualTo(key);
    }

    @Test
    void credentialsAnEarlierConsoleIssuedAreKept() {
        host.settings().put("district-key", "SIM-0A1B2C3D4E5F");
        host.secrets().put("shared-secret", "an-earlier-secret-of-the-simulated-vendor");

        ProvidedRouter router = started().provided().orElseThrow();

        assertThat(router.districtKey()).isEqualTo("SIM-0A1B2C3D4E5F");
        assertThat(router.sharedSecret()).isEqualTo("an-earlier-secret-of-the-simulated-vendor");
    }

    @Test
    void theProvidedRouterIsTheRunningSimulator() {
        ProvidedRouter router = started().provided().orElseThrow();

        assertThat(router.name()).isEqualTo("Simulated router");
        assertThat(router.url().toString()).startsWith("http://127.0.0.1:");
        assertThat(router.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        SignedClient client = SignedClient.signed(router.url(), router.districtKey(), router.sharedSecret(),
                host.clock);
        assertThat(client.get("/v1/terms/current").body()).containsEntry("version", "2026-07");
        assertThat(new SimulatedRouterProvider(plugin).router()).contains(router);
    }

    @Test
    void noRouterIsProvidedOnceThePluginStops() {
        started().stop();

        assertThat(plugin.provided()).isEmpty();
        assertThat(new SimulatedRouterProvider(plugin).router()).isEmpty();
        plugin = null;
    }

    @Test
    void aPortSettingThatIsNoPortFailsTheStartNamingTheSetting() {
        host.settings().put("port", "eighty");
        plugin = new SimulatorPlugin(host.context(), new SecureRandom());

        assertThatThrownBy(plugin::start).hasMessageContaining("simulated-router.port").hasMessageContaining("eighty");
        assertThat(plugin.provided()).isEmpty();
        plugin = null;
    }

    @Test
    void aTakenPortFailsTheStartNamingTheSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            host.settings().put("port", String.valueOf(taken.getLocalPort()));
            plugin = new SimulatorPlugin(host.context(), new SecureRandom());

            assertThatThrownBy(plugin::start).hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("simulated-router.port");
        }
        plugin = null;
    }

    @Test
    void theVendorsSidePanelIsOpenedFromTheMenuAndGuardedByTheRight() {
        RightDefinition right = new SimulatorRight().rights().get(0);
        MenuEntry entry = new SimulatorMenu().menuEntries().get(0);
        PanelDefinition panel = new SimulatorPanel(started()).definition();

        assertThat(right.id()).isEqualTo("simulated-router.vendor");
        assertThat(panel.rightId()).isEqualTo(right.id());
        assertThat(entry.panelId()).isEqualTo(panel.id());
        assertThat(entry.label()).isEqualTo("Vendor's side (simulated router)");
        assertThat(entry.path()).containsExactly("System Settings", "Data Interchange Administration");
        assertThat(entry.required().rightId()).isEqualTo(right.id());
        assertThat(panel.actions()).extracting(PanelAction::name)
                .containsExactly("authorize", "reject", "suspend", "reinstate", "publish-terms");
        assertThat(panel.actions()).allSatisfy(action -> assertThat(right.offers(action.level())).isTrue());
        assertThat(new SimulatorPanel(plugin).view(new org.nre.hostapi.panel.PanelRequest(TestHost.VENDOR))
                .sections()).isNotEmpty();
        assertThat(List.of(right.id(), panel.id(), entry.id())).allSatisfy(id -> assertThat(id)
                .startsWith(SimulatorTool.PLUGIN_ID));
    }
}
