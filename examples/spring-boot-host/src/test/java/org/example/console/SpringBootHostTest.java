package org.example.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nre.hostkit.HostKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The unchanged NRE plugin zip, served by a Spring Boot console that embeds host-kit: its menu, its panel as a
 * page and as JSON, an action through the plugin, and the rights and CSRF checks, over real HTTP.
 */
@Tag("slow")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SpringBootHostTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Path ROOT = folder();

    @Value("${local.server.port}")
    int port;

    @Autowired
    HostKit kit;

    @DynamicPropertySource
    static void console(DynamicPropertyRegistry registry) {
        registry.add("console.plugins-dir", () -> ROOT.resolve("plugins").toString());
        registry.add("console.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("console.users.sysadmin.password", () -> "{noop}sysadmin-test-password");
        registry.add("console.users.teacher.password", () -> "{noop}teacher-test-password");
    }

    @Test
    void theNrePluginIsStartedAndItsMenuPanelAndJsonReachTheHolderOfItsRight() throws Exception {
        Session sysadmin = signIn("sysadmin", "sysadmin-test-password");

        assertThat(kit.plugins().statuses()).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo("nre");
            assertThat(status.started()).isTrue();
        });
        assertThat(sysadmin.get("/").body()).contains("System Settings", "Data Interchange Administration",
                "<a href=\"/panels/nre\">National Records Exchange</a>");
        HttpResponse<String> panel = sysadmin.get("/panels/nre");
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("Exchange Registration", "Not Registered");
        HttpResponse<String> json = sysadmin.get("/api/panels/nre");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"id\":\"nre\"", "\"state\":\"NOT_REGISTERED\"");
        assertThat(sysadmin.get("/api/menu").body()).contains("\"panelId\":\"nre\"");
    }

    @Test
    void anActionRunsThroughThePluginWithTheConsolesCsrfTokenAndAnAnswerWithFieldErrorsKeepsTheSettings()
            throws Exception {
        Session sysadmin = signIn("sysadmin", "sysadmin-test-password");
        String page = sysadmin.get("/panels/nre-settings").body();
        String token = csrf(page);

        HttpResponse<String> invalid = sysadmin.post("/panels/nre-settings/actions/save", Map.of("_csrf", token,
                "router-url", "not a url", "district-key", "bad key!", "shared-secret", "",
                "poll-interval-seconds", "60"));
        HttpResponse<String> forged = sysadmin.post("/panels/nre-settings/actions/save", Map.of(
                "router-url", "https://evil.example", "district-key", "k", "poll-interval-seconds", "60"));

        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("The settings were not saved: correct the fields marked.",
                "Enter the shared secret the vendor issued.", "It is not a URL")
                .as("what was typed is shown again").contains("value=\"not a url\"", "value=\"bad key!\"");
        assertThat(forged.statusCode()).as("Spring Security refuses a POST without the CSRF token").isEqualTo(403);
        assertThat(kit.settings().forPlugin("nre").get("router-url")).isEmpty();
        assertThat(kit.audit().newest(20)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("panel.action");
            assertThat(entry.detail()).contains("nre-settings: save -> invalid");
        });
    }

    @Test
    void aUserWithoutTheRightSeesNoEntryIsRefusedThePanelAndTheRefusedActionIsAudited() throws Exception {
        Session teacher = signIn("teacher", "teacher-test-password");
        String token = csrf(teacher.get("/").body());

        HttpResponse<String> panel = teacher.get("/panels/nre");
        HttpResponse<String> action = teacher.post("/panels/nre/actions/refresh", Map.of("_csrf", token));

        assertThat(teacher.get("/").body()).doesNotContain("National Records Exchange");
        assertThat(panel.statusCode()).isEqualTo(403);
        assertThat(panel.body()).contains("Viewing this panel needs read (R) on the right");
        assertThat(action.statusCode()).isEqualTo(403);
        assertThat(kit.audit().newest(20)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("panel.denied");
            assertThat(entry.actorId()).isEqualTo("teacher");
        });
    }

    private Session signIn(String login, String password) throws Exception {
        Session session = new Session();
        String form = session.get("/login").body();
        HttpResponse<String> signedIn = session.post("/login", Map.of("username", login, "password", password,
                "_csrf", csrf(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return session;
    }

    private static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private static Path folder() {
        try {
            Path root = Files.createTempDirectory("spring-host");
            Path plugins = Files.createDirectories(root.resolve("plugins"));
            try (var zips = Files.list(Path.of("target/test-plugins"))) {
                for (Path zip : zips.toList()) {
                    Files.copy(zip, plugins.resolve(zip.getFileName()));
                }
            }
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One browser's cookies, without following redirects. */
    private final class Session {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
