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
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelView;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.PanelDriver;

/**
 * The router settings panel: where the router may be, the shared secret again for a new address, the operator's
 * allowed networks, and the connection test, against WireMock checking signatures as the router does.
 */
class RouterSettingsPanelTest {

    PluginFixture f;
    PanelDriver panel;

    @BeforeEach
    void start() {
        f = PluginFixture.h2();
        f.publishDefaultTerms();
        panel = f.harness.panel(NreTool.SETTINGS_PANEL_ID, TestHost.ADMIN);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    ActionResult save(String url, String secret) {
        Map<String, String> input = new HashMap<>(Map.of("router-url", url, "district-key", RouterStub.KEY,
                "shared-secret", secret, "poll-interval-seconds", "60"));
        return panel.act("save", input);
    }

    ActionResult test() {
        return panel.act("test");
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
        String before = f.settings().get("router-url").orElse(null);

        ActionResult result = save("https://router.other.example", "");

        assertThat(fieldErrors(result).get("shared-secret")).contains("The router URL changed", "enter the shared "
                + "secret again");
        assertThat(f.settings().get("router-url").orElse(null)).isEqualTo(before);
        assertThat(f.audit()).noneMatch(line -> line.contains("nre.settings "));
    }

    @Test
    void theSameUrlKeepsTheStoredSecretWhenTheFieldIsLeftEmpty() {
        ActionResult result = save(f.settings().get("router-url").orElse(null), "");

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(f.harness.context().secrets().read("shared-secret")).contains(RouterStub.SECRET);
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
        assertThat(f.settings().get("router-url").orElse(null)).isEqualTo(f.router.url());
    }

    @Test
    void theOperatorsAllowedNetworksLetTheConsoleCallARouterInThem() {
        f.settings().put("router-allowed-networks", "10.1.0.0/16");

        assertThat(save("https://10.1.2.3", RouterStub.SECRET)).isInstanceOf(ActionResult.Success.class);
        assertThat(fieldErrors(save("https://10.2.0.1", RouterStub.SECRET)).get("router-url")).contains("10.2.0.1");
    }

    @Test
    void aWrongAllowedNetworksSettingIsShownOnThePanelAndAllowsNothing() {
        f.settings().put("router-allowed-networks", "10.1.0.0/16, intranet");

        PanelView view = panel.view();

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
        assertThat(f.audit()).anyMatch(line -> line.startsWith("jdoe nre.settings.test Tested the connection")
                && line.contains("accepted the signature"));
    }

    @Test
    void theConnectionTestSaysWhenTheSecretIsWrong() {
        f.harness.context().secrets().put("shared-secret", "not-the-shared-secret-at-all");

        ActionResult result = test();

        assertThat(result).isInstanceOfSatisfying(ActionResult.Unavailable.class, failed -> assertThat(
                failed.message()).contains("The connection test failed", "401", "district key and shared secret"));
        assertThat(f.audit()).anyMatch(line -> line.contains("nre.settings.test") && line.contains("401"));
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
        f.settings().remove("router-url");

        assertThat(test()).isInstanceOf(ActionResult.Conflict.class);
        assertThat(panel.view().sections()).anySatisfy(section ->
                assertThat(section.components()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                        Component.Button.class, b -> {
                            if (b.action().equals("test")) {
                                assertThat(b.disabledReason()).contains("Save the router URL");
                            }
                        })));
    }
}
