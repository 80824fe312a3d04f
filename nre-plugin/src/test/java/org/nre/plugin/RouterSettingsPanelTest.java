package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;

/**
 * The router settings panel: where the router may be, the shared secret again for a new address, the operator's
 * allowed networks, and the connection test, against WireMock checking signatures as the router does.
 */
class RouterSettingsPanelTest {

    PluginFixture f;
    NreSettingsPanel panel;

    @BeforeEach
    void start() {
        f = PluginFixture.h2();
        f.publishDefaultTerms();
        panel = new NreSettingsPanel(f.plugin);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    ActionResult save(String url, String secret) {
        Map<String, String> input = new HashMap<>(Map.of("router-url", url, "district-key", RouterStub.KEY,
                "shared-secret", secret, "poll-interval-seconds", "60"));
        return panel.act("save", new ActionInput(input), new PanelRequest(TestHost.ADMIN));
    }

    ActionResult test() {
        return panel.act("test", new ActionInput(Map.of()), new PanelRequest(TestHost.ADMIN));
    }

    static Map<String, String> fieldErrors(ActionResult result) {
        assertThat(result).isInstanceOf(ActionResult.Invalid.class);
        Map<String, String> errors = new HashMap<>();
        for (FieldError error : ((ActionResult.Invalid) result).errors()) {
            errors.put(error.field(), error.message());
        }
        return errors;
    }

    @Test
    void aNewRouterUrlNeedsTheSharedSecretAgainAndNothingIsChangedWithoutIt() {
        String before = f.host.settings.get("router-url");

        ActionResult result = save("https://router.other.example", "");

        assertThat(fieldErrors(result).get("shared-secret")).contains("The router URL changed", "enter the shared "
                + "secret again");
        assertThat(f.host.settings.get("router-url")).isEqualTo(before);
        assertThat(f.host.audit).noneMatch(line -> line.contains("nre.settings "));
    }

    @Test
    void theSameUrlKeepsTheStoredSecretWhenTheFieldIsLeftEmpty() {
        ActionResult result = save(f.host.settings.get("router-url"), "");

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(f.host.secrets.get("shared-secret")).isEqualTo(RouterStub.SECRET);
    }

    @Test
    void addressesInTheDistrictsNetworkAndUserInformationAreRefusedWhenSaved() {
        for (String url : new String[] {"https://169.254.169.254/", "https://10.1.2.3", "https://[fd00::5]:8443",
                "https://192.168.0.10/nre"}) {
            assertThat(fieldErrors(save(url, RouterStub.SECRET)).get("router-url")).as(url)
                    .contains("which the console does not call", "router-allowed-networks");
        }
        assertThat(fieldErrors(save("https://jdoe:pw@router.nre.example", RouterStub.SECRET)).get("router-url"))
                .contains("Leave out the user name and password");
        assertThat(fieldErrors(save("http://127.evil.example", RouterStub.SECRET)).get("router-url"))
                .contains("Use https");
        assertThat(f.host.settings.get("router-url")).isEqualTo(f.router.url());
    }

    @Test
    void theOperatorsAllowedNetworksLetTheConsoleCallARouterInThem() {
        f.host.settings.put("router-allowed-networks", "10.1.0.0/16");

        assertThat(save("https://10.1.2.3", RouterStub.SECRET)).isInstanceOf(ActionResult.Success.class);
        assertThat(fieldErrors(save("https://10.2.0.1", RouterStub.SECRET)).get("router-url")).contains("10.2.0.1");
    }

    @Test
    void aWrongAllowedNetworksSettingIsShownOnThePanelAndAllowsNothing() {
        f.host.settings.put("router-allowed-networks", "10.1.0.0/16, intranet");

        PanelView view = panel.view(new PanelRequest(TestHost.ADMIN));

        assertThat(view.sections().get(0).components()).anySatisfy(c -> assertThat(c)
                .isInstanceOfSatisfying(Component.Notice.class, notice -> assertThat(notice.text())
                        .contains("nre.router-allowed-networks is wrong", "'intranet' is not an IP address")));
        assertThat(fieldErrors(save("https://10.1.2.3", RouterStub.SECRET))).containsKey("router-url");
    }

    @Test
    void theConnectionTestSendsOneSignedRequestWithNothingOfTheDistrictAndIsAudited() {
        ActionResult result = test();

        assertThat(result).isInstanceOfSatisfying(ActionResult.Success.class, ok -> assertThat(ok.message())
                .contains("answered", "accepted the console's signature", "version 2026-07",
                        "Nothing about the district was sent"));
        assertThat(f.router.server().findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(f.router.server().findAll(getRequestedFor(urlEqualTo("/v1/terms/current")))).hasSize(1);
        assertThat(f.host.audit).anyMatch(line -> line.startsWith("jdoe nre.settings.test Tested the connection")
                && line.contains("accepted the signature"));
    }

    @Test
    void theConnectionTestSaysWhenTheSecretIsWrong() {
        f.host.secrets.put("shared-secret", "not-the-shared-secret-at-all");

        ActionResult result = test();

        assertThat(result).isInstanceOfSatisfying(ActionResult.Unavailable.class, failed -> assertThat(
                failed.message()).contains("The connection test failed", "401", "district key and shared secret"));
        assertThat(f.host.audit).anyMatch(line -> line.contains("nre.settings.test") && line.contains("401"));
    }

    @Test
    void theConnectionTestSaysWhenNothingAnswers() {
        int port = f.router.server().port();
        f.router.server().stop();

        ActionResult result = test();

        assertThat(result).isInstanceOfSatisfying(ActionResult.Unavailable.class, failed -> assertThat(
                failed.message()).contains("127.0.0.1:" + port, "nothing accepted the connection"));
    }

    @Test
    void theConnectionTestNeedsSavedSettings() {
        f.host.settings.remove("router-url");

        assertThat(test()).isInstanceOf(ActionResult.Conflict.class);
        assertThat(panel.view(new PanelRequest(TestHost.ADMIN)).sections()).anySatisfy(section ->
                assertThat(section.components()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                        Component.Button.class, b -> {
                            if (b.action().equals("test")) {
                                assertThat(b.disabledReason()).contains("Save the router URL");
                            }
                        })));
    }
}
