package org.nre.plugin.router;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https to the router through the console's tunnel, against WireMock serving TLS with a certificate for
 * {@code router.test}: the host is resolved once per connection, by the tunnel, and the address it checked is
 * the one it connects to; the certificate is still checked against the router's name.
 */
class RouterTunnelTest {

    static final String PASSWORD = "tunnel-test-store";
    static final String TERMS = "{\"version\":\"2026-07\",\"effectiveDate\":\"2026-07-01\",\"digest\":"
            + "\"sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\",\"text\":\"hello\"}";

    @TempDir
    static Path folder;
    static Path keystore;
    static SSLContext trusting;

    WireMockServer router;
    final List<RouterClient> clients = new ArrayList<>();
    final List<String> resolved = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void certificate() throws Exception {
        keystore = folder.resolve("router.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "router", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=router.test", "-ext", "SAN=dns:router.test", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(said).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void noMore() {
        trusting = null;
    }

    void startRouter() {
        router = new WireMockServer(options().bindAddress("0.0.0.0").httpDisabled(true).httpsPort(0)
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        router.start();
        router.stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(TERMS)));
    }

    @AfterEach
    void stop() {
        clients.forEach(RouterClient::close);
        if (router != null) {
            router.stop();
        }
    }

    RouterClient client(String host, List<RouterAddress.Network> allowed, RouterTunnel.Resolver resolver) {
        RouterPolicy policy = new RouterPolicy(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 1,
                Duration.ofMillis(10), Duration.ofMillis(50), 10, 5, Duration.ofSeconds(60), 64 * 1024);
        RouterClient client = new RouterClient(new RouterSettings(URI.create("https://" + host + ":"
                + router.httpsPort()), "key", "a-shared-secret", allowed), policy, Clock.systemUTC(),
                new SplittableRandom(1), new RouterClient.Health() {
                    @Override
                    public void reached(Instant at) {
                    }

                    @Override
                    public void unreachable(Instant at, String message) {
                    }
                }, resolver, trusting, new java.util.concurrent.Semaphore(8));
        clients.add(client);
        return client;
    }

    RouterTunnel.Resolver answering(String... addresses) {
        return host -> {
            resolved.add(host);
            InetAddress[] all = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                all[i] = InetAddress.getByName(addresses[i]);
            }
            return all;
        };
    }

    @Test
    void aCheckedAddressIsTheOneConnectedToAndTheCertificateIsCheckedAgainstTheName() {
        startRouter();
        RouterClient client = client("router.test", RouterAddress.networks("127.0.0.2/32"), answering("127.0.0.2"));

        RouterResult<RouterTerms> result = client.currentTerms(RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.Ok.class);
        assertThat(resolved).containsExactly("router.test");
        assertThat(client.tunnel().orElseThrow().lastConnected()).contains(address("127.0.0.2"));
        assertThat(router.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aNameThatResolvesToTheDistrictsNetworkAtConnectionTimeIsRefusedAndNothingIsSent() {
        startRouter();
        // The URL was saved while the name pointed at an allowed address; now it points at 10.1.2.3.
        RouterClient client = client("router.test", RouterAddress.networks("127.0.0.2/32"), answering("10.1.2.3"));

        RouterResult<RouterTerms> result = client.currentTerms(RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.NotSent.class);
        assertThat(((RouterResult.NotSent<RouterTerms>) result).message())
                .contains("router.test", "10.1.2.3", "private", "router-allowed-networks");
        assertThat(router.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void everyConnectionResolvesAgainAndOneResolutionServesOneConnection() {
        startRouter();
        List<String> answers = new CopyOnWriteArrayList<>(List.of("127.0.0.2", "127.0.0.1"));
        RouterTunnel.Resolver rebinding = host -> {
            resolved.add(host);
            return new InetAddress[] {InetAddress.getByName(answers.remove(0))};
        };
        RouterClient first = client("router.test", RouterAddress.networks("127.0.0.2/32"), rebinding);
        assertThat(first.currentTerms(RouterClient.Urgency.INTERACTIVE)).isInstanceOf(RouterResult.Ok.class);

        RouterClient second = client("router.test", RouterAddress.networks("127.0.0.2/32"), rebinding);
        RouterResult<RouterTerms> result = second.currentTerms(RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.NotSent.class);
        assertThat(((RouterResult.NotSent<RouterTerms>) result).message()).contains("127.0.0.1", "this machine");
        assertThat(resolved).hasSize(2);
        assertThat(router.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        startRouter();
        RouterClient client = client("other.test", RouterAddress.networks("127.0.0.2/32"), answering("127.0.0.2"));

        RouterResult<RouterTerms> result = client.currentTerms(RouterClient.Urgency.INTERACTIVE);

        assertThat(result).isInstanceOf(RouterResult.NotSent.class);
        assertThat(((RouterResult.NotSent<RouterTerms>) result).message())
                .contains("could not be reached securely", "other.test");
        assertThat(router.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theTunnelOpensConnectionsToTheRoutersHostAndPortOnly() throws Exception {
        startRouter();
        RouterClient client = client("router.test", RouterAddress.networks("127.0.0.2/32"), answering("127.0.0.2"));
        var tunnel = client.tunnel().orElseThrow().address();

        try (var socket = new java.net.Socket(tunnel.getAddress(), tunnel.getPort())) {
            socket.getOutputStream().write(("CONNECT 127.0.0.1:3306 HTTP/1.1\r\nHost: 127.0.0.1:3306\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 403");
        }
        assertThat(resolved).isEmpty();
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
