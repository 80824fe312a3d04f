package org.nre.plugin.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterSettingsTest {

    @Test
    void theSettingsNeverShowTheSecret() {
        RouterSettings settings = new RouterSettings(java.net.URI.create("https://router.example"), "k",
                "a-shared-secret-of-some-length");
        assertThat(settings.toString()).doesNotContain("a-shared-secret");
    }

    @Test
    void aRouterUrlMustBeHttpsUnlessItIsOnThisMachine() {
        assertThat(RouterSettings.urlProblem("https://router.nre.example")).isNull();
        assertThat(RouterSettings.urlProblem("http://localhost:8090")).contains("Use https");
        assertThat(RouterSettings.urlProblem("http://127.0.0.1:8090/nre")).isNull();
        assertThat(RouterSettings.urlProblem("http://router.nre.example")).contains("Use https");
        assertThat(RouterSettings.urlProblem("ftp://router")).contains("absolute https");
        assertThat(RouterSettings.urlProblem("router.nre.example")).contains("absolute https");
        assertThat(RouterSettings.urlProblem("https://router.nre.example/?x=1")).contains("query");
    }
}
