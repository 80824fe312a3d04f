package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as operators deploy the console: behind Debian's nginx terminating TLS, and with the console's own TLS.
 * In both an administrator signs in, registers the district and signs out, over https only.
 */
@Tag("slow")
class HttpsDeploymentTest {

    @TempDir
    Path dir;
    TestConsole console;
    Nginx nginx;

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void behindATlsTerminatingReverseProxyAnAdministratorSignsInRegistersAndSignsOut() throws Exception {
        TlsFiles tls = TlsFiles.create(dir);
        int proxyPort = ConsoleProcess.freePort();
        console = start(List.of("--public-url", "https://localhost:" + proxyPort, "--trusted-proxies", "127.0.0.1"),
                Map.of());
        nginx = Nginx.inFrontOf(proxyPort, console.console().port(), tls, dir);

        signInRegisterAndSignOut(new WebClient(nginx.base(), tls.clientContext()));
    }

    @Test
    void overItsOwnTlsAnAdministratorSignsInRegistersAndSignsOut() throws Exception {
        TlsFiles tls = TlsFiles.create(dir);
        console = start(List.of("--tls-keystore", tls.keystore().toString()),
                Map.of("NRE_TLS_KEYSTORE_PASSWORD", tls.password()));

        signInRegisterAndSignOut(new WebClient("https://localhost:" + console.console().port(), tls.clientContext()));
    }

    private static void signInRegisterAndSignOut(WebClient admin) throws Exception {
        WebClient.Response page = admin.get("/signin");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");

        WebClient.Response signedIn = admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
        assertThat(signedIn.header("Set-Cookie")).startsWith("nre_session=").contains("Secure", "HttpOnly");
        assertThat(signedIn.header("Location")).doesNotStartWith("http:");
        // A console administrator holds the tool's right only once it is granted, as to anyone.
        TestConsole.grant(admin, "nre.registration", "user:admin", "RW");
        RegistrationAcceptanceTest.waitFor(() -> admin.get("/panels/nre").body().contains("I have read and agree"),
                "the terms to be fetched from the simulated router");

        WebClient.Response registered = admin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07"));
        assertThat(registered.status()).isEqualTo(303);
        assertThat(admin.get("/panels/nre").body()).contains("Registered with the National Records Exchange",
                "Pending verification");

        assertThat(admin.submit("/panels/nre", "/signout", Map.of()).status()).isEqualTo(303);
        assertThat(admin.get("/panels/nre").header("Location")).isEqualTo("/signin");
    }

    private TestConsole start(List<String> extra, Map<String, String> env) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--plugins",
                TestConsole.dropFolderWithSimulator(dir).toString(), "--data", dir.resolve("data").toString(),
                "--time-zone", TestConsole.TIME_ZONE.getId()));
        args.addAll(extra);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD);
        all.put("NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD);
        return TestConsole.start(args, all, Clock.systemUTC(), dir.resolve("plugins"));
    }
}
