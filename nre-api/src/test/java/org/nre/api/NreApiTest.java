package org.nre.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nre.api.exchange.ExchangeStatus;
import org.nre.api.router.ProvidedRouter;

class NreApiTest {

    @Test
    void aProvidedRouterNeverShowsItsSecret() {
        ProvidedRouter router = new ProvidedRouter("Simulated router", URI.create("http://127.0.0.1:9000"), "SIM-1",
                "a-shared-secret-of-some-length", Duration.ofSeconds(10));

        assertThat(router.toString()).contains("SIM-1", "(set)").doesNotContain("a-shared-secret");
    }

    @Test
    void aProvidedRouterNeedsAnAbsoluteUrlAKeyAndASecret() {
        assertThatThrownBy(() -> new ProvidedRouter("Sim", URI.create("/v1"), "k", "s", Duration.ZERO))
                .hasMessageContaining("'url'");
        assertThatThrownBy(() -> new ProvidedRouter("Sim", URI.create("http://127.0.0.1:1"), " ", "s", Duration.ZERO))
                .hasMessageContaining("'districtKey'");
        assertThatThrownBy(() -> new ProvidedRouter("Sim", URI.create("http://127.0.0.1:1"), "k", "", Duration.ZERO))
                .hasMessageContaining("'sharedSecret'");
        assertThatThrownBy(() -> new ProvidedRouter("Sim", URI.create("http://127.0.0.1:1"), "k", "s",
                Duration.ofSeconds(-1))).hasMessageContaining("'pollInterval'");
    }

    @Test
    void anExchangeStatusNamesItsExchange() {
        assertThatThrownBy(() -> new ExchangeStatus("", false, "PENDING", "")).hasMessageContaining("'exchange'");
        assertThat(new ExchangeStatus("National Records Exchange", true, "ACTIVE", null).detail()).isEmpty();
    }
}
