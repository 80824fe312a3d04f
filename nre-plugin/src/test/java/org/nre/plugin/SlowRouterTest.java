package org.nre.plugin;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterTerms;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;

/** A router that answers slowly holds few of the console's threads: a bound on calls at once, one check each. */
@Tag("slow")
class SlowRouterTest {

    static final RouterPolicy TWO_AT_ONCE = new RouterPolicy(Duration.ofMillis(500), Duration.ofSeconds(5), 1, 1,
            Duration.ofMillis(10), Duration.ofMillis(200), 10, 5, Duration.ofSeconds(60), 64 * 1024, 2);

    PluginFixture f = new PluginFixture(DatabaseProduct.H2, TWO_AT_ONCE);

    @AfterEach
    void stop() {
        f.close();
    }

    void slowTerms() {
        f.router.server().stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(RouterStub.json(200,
                RouterStub.terms("2026-07", "2026-07-01", RouterStub.TERMS_TEXT)).withFixedDelay(1500)));
    }

    void awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (f.router.server().findAll(anyRequestedFor(anyUrl())).size() < count) {
            assertThat(System.nanoTime()).as("the router got %d requests", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aCheckAskedForWhileOneIsUnderWayIsAnsweredAtOnceAndAsksTheRouterNothing() throws Exception {
        slowTerms();
        CompletableFuture<ActionResult> first = CompletableFuture.supplyAsync(() -> f.act("refresh", TestHost.ADMIN,
                Map.of()));
        awaitRequests(1);

        ActionResult second = f.act("refresh", TestHost.user("backup", "Backup, Sam"), Map.of());

        assertThat(second).isInstanceOfSatisfying(ActionResult.Conflict.class, c -> assertThat(c.message())
                .contains("A check with the router is already under way", "the panel shows what it finds"));
        assertThat(f.router.server().findAll(anyRequestedFor(anyUrl()))).hasSize(1);
        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(ActionResult.Success.class);
        f.publishDefaultTerms();
        assertThat(f.act("refresh", TestHost.ADMIN, Map.of())).as("the next check, once the first ended")
                .isInstanceOf(ActionResult.Success.class);
    }

    @Test
    void callsBeyondTheBoundAreRefusedAtOnceSayingSoAndSendNothing() throws Exception {
        slowTerms();
        NreSettingsPanel settings = new NreSettingsPanel(f.plugin);
        var client = f.plugin.parts().router().client().orElseThrow();
        CompletableFuture<RouterResult<RouterTerms>> one = CompletableFuture.supplyAsync(client::probe);
        CompletableFuture<RouterResult<RouterTerms>> two = CompletableFuture.supplyAsync(client::probe);
        awaitRequests(2);

        ActionResult third = settings.act("test", new ActionInput(Map.of()), new PanelRequest(TestHost.ADMIN));
        ActionResult check = f.act("refresh", TestHost.ADMIN, Map.of());

        assertThat(third).isInstanceOfSatisfying(ActionResult.Unavailable.class, u -> assertThat(u.message())
                .contains("already waiting for the router on 2 calls, as many as it makes at once"));
        assertThat(check).isInstanceOfSatisfying(ActionResult.Unavailable.class, u -> assertThat(u.message())
                .contains("Nothing was sent", "as many as it makes at once"));
        assertThat(f.router.server().findAll(anyRequestedFor(anyUrl()))).hasSize(2);
        assertThat(one.get(10, TimeUnit.SECONDS)).isInstanceOf(RouterResult.Ok.class);
        assertThat(two.get(10, TimeUnit.SECONDS)).isInstanceOf(RouterResult.Ok.class);
        assertThat(client.probe()).as("a call once the others ended").isInstanceOf(RouterResult.Ok.class);
    }
}
