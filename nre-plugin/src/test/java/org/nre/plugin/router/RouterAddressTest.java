package org.nre.plugin.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the router may be: https, no user information, public addresses unless the operator allowed a network. */
class RouterAddressTest {

    @Test
    void plainHttpIsAllowedOnlyToALoopbackIpLiteral() {
        assertThat(RouterAddress.syntaxProblem("https://router.nre.example")).isNull();
        assertThat(RouterAddress.syntaxProblem("http://127.0.0.1:8090/nre")).isNull();
        assertThat(RouterAddress.syntaxProblem("http://127.3.4.5:8090")).isNull();
        assertThat(RouterAddress.syntaxProblem("http://[::1]:8090")).isNull();
        // Names can be made to resolve anywhere, "localhost" and "127.evil.example" included.
        assertThat(RouterAddress.syntaxProblem("http://localhost:8090")).contains("Use https");
        assertThat(RouterAddress.syntaxProblem("http://127.evil.example")).contains("Use https");
        assertThat(RouterAddress.syntaxProblem("http://127.0.0.1.nip.io")).contains("Use https");
        assertThat(RouterAddress.syntaxProblem("http://10.0.0.5")).contains("Use https");
    }

    @Test
    void userInformationQueriesAndOtherSchemesAreRefused() {
        assertThat(RouterAddress.syntaxProblem("https://user:pass@router.nre.example")).contains("user name");
        assertThat(RouterAddress.syntaxProblem("https://user@router.nre.example")).contains("user name");
        assertThat(RouterAddress.syntaxProblem("https://router.nre.example/?x=1")).contains("query");
        assertThat(RouterAddress.syntaxProblem("https://router.nre.example/#top")).contains("query");
        assertThat(RouterAddress.syntaxProblem("ftp://router")).contains("absolute https");
        assertThat(RouterAddress.syntaxProblem("file:///etc/passwd")).contains("absolute https");
        assertThat(RouterAddress.syntaxProblem("router.nre.example")).contains("absolute https");
        assertThat(RouterAddress.syntaxProblem("https://exa mple")).contains("not a URL");
    }

    @Test
    void addressesOutsideThePublicInternetAreRefused() {
        for (String literal : List.of("169.254.169.254", "10.0.0.5", "172.16.3.4", "192.168.1.10", "0.0.0.0",
                "100.64.0.1", "224.0.0.1", "198.18.0.1", "[fd00::1]", "[fe80::1]", "[::]",
                "[::ffff:10.0.0.5]", "[::ffff:169.254.169.254]")) {
            assertThat(RouterAddress.addressProblem(URI.create("https://" + literal + "/"), List.of()))
                    .as(literal).hasValueSatisfying(message -> assertThat(message)
                            .contains("which the console does not call", "router-allowed-networks"));
        }
        assertThat(RouterAddress.addressProblem(URI.create("https://169.254.169.254/"), List.of()).orElseThrow())
                .contains("link-local", "metadata");
    }

    @Test
    void publicAddressesAndLoopbackLiteralsOverHttpAreAllowed() {
        assertThat(RouterAddress.addressProblem(URI.create("https://93.184.215.14/"), List.of())).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"),
                List.of())).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("http://127.0.0.1:8090"), List.of())).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("https://[::1]:8443"), List.of())).isEmpty();
    }

    @Test
    void theOperatorCanAllowANetwork() {
        List<RouterAddress.Network> allowed = RouterAddress.networks(" 10.20.0.0/16, 192.168.7.9 ,fd00:1::/32");

        assertThat(RouterAddress.addressProblem(URI.create("https://10.20.3.4/"), allowed)).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("https://[::ffff:10.20.3.4]/"), allowed)).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("https://192.168.7.9/"), allowed)).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("https://[fd00:1:2::3]/"), allowed)).isEmpty();
        assertThat(RouterAddress.addressProblem(URI.create("https://10.21.0.1/"), allowed)).isPresent();
        assertThat(RouterAddress.addressProblem(URI.create("https://192.168.7.10/"), allowed)).isPresent();
        assertThat(allowed).containsExactlyElementsOf(RouterAddress.networks("10.20.0.0/16,192.168.7.9/32,"
                + "fd00:1::/32"));
    }

    @Test
    void aWrongNetworkIsNamed() {
        assertThatThrownBy(() -> RouterAddress.networks("10.0.0.0/8, intranet.example"))
                .hasMessageContaining("'intranet.example' is not an IP address or network");
        assertThatThrownBy(() -> RouterAddress.networks("10.0.0.0/33"))
                .hasMessageContaining("prefix length outside 0 to 32");
        assertThatThrownBy(() -> RouterAddress.networks("10.0.0.0/x"))
                .hasMessageContaining("'10.0.0.0/x' is not an IP address or network");
        assertThat(RouterAddress.networks("")).isEmpty();
        assertThat(RouterAddress.networks(null)).isEmpty();
    }
}
