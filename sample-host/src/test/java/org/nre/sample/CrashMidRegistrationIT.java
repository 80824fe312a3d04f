package org.nre.sample;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;

/**
 * The console is killed after it sent a registration and before it stored the answer. After a restart the
 * registration is settled by looking it up at the router, and it is never sent a second time; on MariaDB and on
 * PostgreSQL.
 */
@ParameterizedClass
@EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
class CrashMidRegistrationIT {

    static final String TERMS = "Sample terms.";
    static final Duration SETTLED_WITHIN = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    @Parameter
    DatabaseProduct product;
    ServerDatabase database;
    WireMockServer router;
    ConsoleProcess console;

    @BeforeEach
    void start() throws Exception {
        database = ServerDatabase.fresh(product);
        router = new WireMockServer(options().dynamicPort().templatingEnabled(true).globalTemplating(false));
        router.start();
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TERMS.getBytes(StandardCharsets.UTF_8)));
        router.stubFor(get(urlEqualTo("/v1/terms/current")).willReturn(json(200, "{\"version\":\"2026-07\","
                + "\"effectiveDate\":\"2026-07-01\",\"digest\":\"" + digest + "\",\"text\":\"" + TERMS + "\"}")));
        // The router takes the registration, but its answer comes too late for the console that sent it.
        router.stubFor(post(urlEqualTo("/v1/registrations")).willReturn(json(202, registration()).withFixedDelay(60_000)));
        // The look-up by the console's own reference finds it.
        router.stubFor(get(urlPathEqualTo("/v1/registrations")).willReturn(json(200,
                "{\"registrations\":[" + registration().replace("\"state\"",
                        "\"clientReference\":\"{{request.query.clientReference}}\",\"state\"") + "]}")
                .withTransformers("response-template")));
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.close();
        }
        if (router != null) {
            router.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aRegistrationCutShortByACrashIsSettledByLookingItUpAfterTheRestartAndNeverSentTwice() throws Exception {
        console = startConsole();
        WebClient admin = console.client();
        admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
        TestConsole.grant(admin, "nre.registration", "group:g-sysadmins", "W");
        WebClient sysadmin = console.client();
        sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
        MultiNodeIT.waitUntil(() -> sysadmin.get("/panels/nre").body().contains("I have read and agree"), "the terms",
                Duration.ofSeconds(30));
        String csrf = sysadmin.apiCsrfToken();
        CompletableFuture.runAsync(() -> sysadmin.postJson("/api/panels/nre/actions/register",
                "{\"accept-terms\":true,\"terms-version\":\"2026-07\"}", csrf));
        MultiNodeIT.waitUntil(() -> !router.findAll(postRequestedFor(urlEqualTo("/v1/registrations"))).isEmpty(),
                "the registration to reach the router", Duration.ofSeconds(15));

        console.kill();

        assertThat(state()).isEqualTo("UNKNOWN");
        console = startConsole();
        MultiNodeIT.waitUntil(() -> "PENDING".equals(state()), "the registration to be settled", SETTLED_WITHIN);

        assertThat(router.findAll(postRequestedFor(urlEqualTo("/v1/registrations")))).hasSize(1);
        assertThat(text("SELECT router_registration_id FROM nre_registration")).isEqualTo("reg-1");
        assertThat(text("SELECT detail FROM nre_history WHERE action = 'settle'"))
                .contains("Looked the registration up at the router by its own reference: it arrived (the vendor's "
                        + "reference reg-1)");
        assertThat(router.findAll(getRequestedFor(urlPathEqualTo("/v1/registrations"))))
                .allSatisfy(r -> assertThat(r.queryParameter("clientReference").firstValue())
                        .isEqualTo(text("SELECT id FROM nre_registration")));
    }

    private ConsoleProcess startConsole() throws Exception {
        Path settings = TestConsole.routerSettings(dir, "http://127.0.0.1:" + router.port(),
                "nre.poll-interval-seconds=10");
        return ConsoleProcess.start(dir, List.of("--plugins", TestConsole.dropFolderWithNrePluginOnce(dir).toString(),
                        "--data", dir.resolve("data").toString(), "--db-url", database.url(), "--db-user",
                        database.user(), "--demo-data", "true", "--plugin-settings", settings.toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD,
                        "NRE_DB_PASSWORD", database.password()))
                .awaitStarted();
    }

    private String state() {
        return text("SELECT state FROM nre_registration");
    }

    private String text(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String registration() {
        return "{\"id\":\"reg-1\",\"districtId\":\"IL-0150-DEMO\",\"state\":\"PENDING\",\"reason\":null,"
                + "\"termsVersion\":\"2026-07\",\"createdAt\":\"2026-11-28T19:04:44Z\",\"updatedAt\":\"2026-11-28T19:04:44Z\"}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
