package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.sample.web.WebServer;

/**
 * Walks every route the console serves, as Javalin holds them, and fails on any route that names no access
 * rule or that lets in someone it should not: a visitor, a user who is not an administrator, a change without
 * the CSRF token, a change by GET.
 */
class RouteGuardTest {

    static final Set<String> OPEN = Set.of("PUBLIC", "SIGN_IN");

    @TempDir
    static Path dir;
    static TestConsole console;
    static List<WebServer.Served> routes;

    @BeforeAll
    static void start() throws IOException {
        console = TestConsole.simulated(dir);
        routes = console.console().routes();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @Test
    void everyRouteNamesAnAccessRule() {
        assertThat(routes).hasSizeGreaterThan(30);
        assertThat(routes).filteredOn(r -> r.access().equals("NONE")).isEmpty();
        assertThat(routes).filteredOn(r -> OPEN.contains(r.access()))
                .extracting(r -> r.method() + " " + r.path())
                .containsExactlyInAnyOrder("GET /healthz", "GET /signin", "POST /signin", "POST /api/session",
                        "GET /favicon.ico");
    }

    @Test
    void theConsolesStylesAndScriptAreServedToAnyone() {
        WebClient visitor = console.client();
        assertThat(visitor.get("/assets/console.css").status()).isEqualTo(200);
        WebClient.Response script = visitor.get("/assets/console.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        assertThat(visitor.get("/assets/../db/host/V1__console.sql").status()).isIn(400, 404);
    }

    @Test
    void everyGuardedRouteRefusesAVisitorWhoIsNotSignedIn() {
        WebClient visitor = console.client();
        List<String> letIn = new ArrayList<>();
        for (WebServer.Served route : guarded()) {
            WebClient.Response response = call(visitor, route, Map.of());
            // A page sends a visitor to sign in; the API and the metrics (read by machines) answer 401.
            boolean refused = route.method().equals("GET") && !route.path().startsWith("/api/")
                    && !route.access().equals("MONITOR") ? response.status() == 302 && response.header("Location").equals("/signin")
                    : response.status() == 401;
            if (!refused) {
                letIn.add(route + " -> " + response.status());
            }
        }
        assertThat(letIn).isEmpty();
    }

    @Test
    void everyAdministratorRouteRefusesAUserWhoIsNotAnAdministrator() {
        WebClient registrar = console.demoUser("registrar");
        String csrf = registrar.apiCsrfToken();
        List<String> letIn = new ArrayList<>();
        for (WebServer.Served route : routes) {
            if (!route.access().equals("ADMINISTRATOR")) {
                continue;
            }
            WebClient.Response response = call(registrar, route, Map.of("_csrf", csrf));
            if (response.status() != 403) {
                letIn.add(route + " -> " + response.status());
            }
        }
        assertThat(letIn).isEmpty();
    }

    @Test
    void everyChangeWithoutTheCsrfTokenIsRefused() {
        WebClient admin = console.admin();
        List<String> letIn = new ArrayList<>();
        for (WebServer.Served route : guarded()) {
            if (route.method().equals("POST")) {
                WebClient.Response response = call(admin, route, Map.of());
                if (response.status() != 403 || !response.body().contains("CSRF")) {
                    letIn.add(route + " -> " + response.status());
                }
            }
        }
        assertThat(letIn).isEmpty();
    }

    @Test
    void everyChangeComingFromAnotherSiteIsRefused() {
        WebClient admin = console.admin();
        String csrf = admin.apiCsrfToken();
        for (WebServer.Served route : routes) {
            if (route.method().equals("POST")) {
                WebClient.Response response = admin.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(admin.base() + concrete(route.path())))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://evil.example")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)));
                assertThat(response.status()).as(route.toString()).isEqualTo(403);
            }
        }
    }

    @Test
    void aChangeAskedForWithGetIsNotAllowed() {
        WebClient admin = console.admin();
        Set<String> gettable = routes.stream().filter(r -> r.method().equals("GET")).map(WebServer.Served::path)
                .collect(Collectors.toSet());
        for (WebServer.Served route : routes) {
            if (route.method().equals("POST") && !gettable.contains(route.path())) {
                assertThat(admin.get(concrete(route.path())).status()).as(route.toString()).isEqualTo(405);
            }
        }
    }

    private static List<WebServer.Served> guarded() {
        return routes.stream().filter(r -> !OPEN.contains(r.access())).toList();
    }

    private static WebClient.Response call(WebClient client, WebServer.Served route, Map<String, String> form) {
        String path = concrete(route.path());
        return route.method().equals("GET") ? client.get(path) : client.postForm(path, form);
    }

    /** A path pattern with its parameters filled in: the guard runs before any lookup by them. */
    static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "nre");
    }
}
