package org.nre.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.nre.hostkit.ServerDatabase;

/**
 * A real sample console on a free port, loading the real NRE plugin zip (and, for a console that plays the vendor,
 * the real simulated router's zip) from a drop folder of its own.
 */
public final class TestConsole implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-console-password";
    public static final String DEMO_PASSWORD = "test-demo-password";
    public static final ZoneId TIME_ZONE = ZoneId.of("America/Chicago");

    private final Console console;
    private final ByteArrayOutputStream printed;
    private final Path pluginsDir;

    private TestConsole(Console console, ByteArrayOutputStream printed, Path pluginsDir) {
        this.console = console;
        this.printed = printed;
        this.pluginsDir = pluginsDir;
    }

    /** The real NRE plugin zip the build copied for the tests. */
    public static Path builtPluginZip() {
        return builtZip("nre-plugin");
    }

    /** The real simulated router's zip the build copied for the tests. */
    public static Path builtSimulatorZip() {
        return builtZip("nre-simulator");
    }

    private static Path builtZip(String artifactId) {
        Path folder = Path.of(System.getProperty("nre.test.plugins", "target/test-plugins"));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(artifactId + "-.*\\.zip")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + artifactId + " zip in " + folder
                            + ": run the tests with 'mvn verify' from the repository's root"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + ": run 'mvn verify' from the repository's root", e);
        }
    }

    /** A drop folder under the given directory holding a copy of the real plugin zip. */
    public static Path dropFolderWithNrePlugin(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path zip = builtPluginZip();
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        return plugins;
    }

    /** A drop folder under the given directory holding copies of the NRE plugin and the simulated router. */
    public static Path dropFolderWithSimulator(Path dir) throws IOException {
        Path plugins = dropFolderWithNrePlugin(dir);
        Path zip = builtSimulatorZip();
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        return plugins;
    }

    /**
     * A plugin settings file that points the NRE plugin at a router, as an operator writes one.
     *
     * @param dir where to write it
     * @param routerUrl the router's base URL
     * @param extraLines more lines, such as {@code nre.poll-interval-seconds=10}
     * @return the file, for {@code --plugin-settings}
     */
    public static Path routerSettings(Path dir, String routerUrl, String... extraLines) throws IOException {
        return Files.writeString(dir.resolve("plugin-settings.properties"), "nre.router-url=" + routerUrl
                + "\nnre.district-key=IL-0150-KEY\nnre.secret.shared-secret=a-shared-secret-of-some-length\n"
                + String.join("\n", extraLines) + "\n");
    }

    /** The drop folder under the directory, with the NRE plugin copied in if it is not there yet. */
    public static Path dropFolderWithNrePluginOnce(Path dir) throws IOException {
        Path plugins = dir.resolve("plugins");
        return Files.exists(plugins.resolve(builtPluginZip().getFileName())) ? plugins : dropFolderWithNrePlugin(dir);
    }

    /** A console on the embedded database in the directory, with the NRE plugin dropped in and no router. */
    public static TestConsole embedded(Path dir) throws IOException {
        return start(dropFolderWithNrePlugin(dir), dir.resolve("data"), null, "sa", ADMIN_PASSWORD);
    }

    /** A console on the embedded database with the NRE plugin and the simulated router plugin. */
    public static TestConsole simulated(Path dir) throws IOException {
        return start(dropFolderWithSimulator(dir), dir.resolve("data"), null, "sa", ADMIN_PASSWORD);
    }

    public static TestConsole start(Path pluginsDir, Path dataDir, String databaseUrl, String databaseUser,
                                    String adminPassword) {
        return start(pluginsDir, dataDir, databaseUrl, databaseUser, adminPassword, Clock.systemUTC());
    }

    public static TestConsole start(Path pluginsDir, Path dataDir, String databaseUrl, String databaseUser,
                                    String adminPassword, Clock clock) {
        return start(pluginsDir, dataDir, databaseUrl, databaseUser, "", adminPassword, clock);
    }

    /** A console on a fresh database of a local server (MariaDB or PostgreSQL). */
    public static TestConsole start(Path pluginsDir, Path dataDir, ServerDatabase server) {
        return start(pluginsDir, dataDir, server.url(), server.user(), server.password(), ADMIN_PASSWORD,
                Clock.systemUTC());
    }

    private static TestConsole start(Path pluginsDir, Path dataDir, String databaseUrl, String databaseUser,
                                     String databasePassword, String adminPassword, Clock clock) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--plugins", pluginsDir.toString(),
                "--data", dataDir.toString(), "--application-name", "med1", "--server-address", "127.0.0.1",
                "--time-zone", TIME_ZONE.getId()));
        if (databaseUrl != null) {
            args.addAll(List.of("--db-url", databaseUrl, "--db-user", databaseUser));
        }
        return start(args, Map.of("NRE_ADMIN_PASSWORD", adminPassword, "NRE_DEMO_PASSWORD", DEMO_PASSWORD,
                "NRE_DB_PASSWORD", databasePassword), clock, pluginsDir);
    }

    /** A console configured as from the command line and the environment. */
    public static TestConsole start(List<String> args, Map<String, String> env, Clock clock, Path pluginsDir) {
        HostConfig config = HostConfig.from(args.toArray(String[]::new), env);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Console console = Console.start(config, clock, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new TestConsole(console, printed, pluginsDir);
    }

    public WebClient client() {
        return new WebClient(console.port());
    }

    /** A client signed in as one of the demo district's staff. */
    public WebClient demoUser(String login) {
        WebClient client = client();
        client.signIn(login, DEMO_PASSWORD);
        return client;
    }

    public WebClient admin() {
        WebClient client = client();
        client.signIn("admin", ADMIN_PASSWORD);
        return client;
    }

    /**
     * The console administrator, holding every level of every started plugin's right: an administrator holds a
     * tool right only when it is granted, as here through the API (confirmed where the console asks).
     */
    public WebClient adminWithTools() {
        WebClient admin = admin();
        for (com.fasterxml.jackson.databind.JsonNode right : json(admin.get("/api/rights").body())) {
            StringBuilder letters = new StringBuilder();
            right.get("levels").forEach(level -> letters.append(level.textValue()));
            grant(admin, right.get("id").textValue(), "user:admin", letters.toString());
        }
        return admin;
    }

    /** Grants a right's levels to {@code user:<id>} or {@code group:<id>} as the administrator, confirmed. */
    public void grant(String rightId, String subject, String letters) {
        grant(admin(), rightId, subject, letters);
    }

    /** Grants a right's levels through the API, confirmed, and checks that it was saved. */
    public static void grant(WebClient admin, String rightId, String subject, String letters) {
        long version = json(admin.get("/api/rights/" + rightId).body()).get("version").longValue();
        WebClient.Response saved = admin.postJson("/api/rights/" + rightId + "/grant", "{\"subject\":\"" + subject
                + "\",\"levels\":\"" + letters + "\",\"version\":" + version + ",\"confirm\":true}",
                admin.apiCsrfToken());
        if (saved.status() != 200) {
            throw new AssertionError("Granting " + letters + " of " + rightId + " to " + subject + " answered "
                    + saved.status() + ": " + saved.body());
        }
    }

    static com.fasterxml.jackson.databind.JsonNode json(String body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The router stops answering: the NRE plugin is pointed at the address where the simulated router answered,
     * and the simulated router plugin is disabled, so that nothing listens there any more.
     *
     * @param pollSeconds the NRE plugin's status check interval to keep
     * @return the port nothing listens on now
     */
    public String routerGoesAway(int pollSeconds) {
        WebClient admin = adminWithTools();
        String url = new Vendor(admin).url();
        WebClient.Response saved = admin.postJson("/api/panels/nre-settings/actions/save", "{\"router-url\":\"" + url
                + "\",\"district-key\":\"SIM-GONE\",\"shared-secret\":\"a-shared-secret-of-some-length\","
                + "\"poll-interval-seconds\":\"" + pollSeconds + "\"}", admin.apiCsrfToken());
        if (saved.status() != 200) {
            throw new IllegalStateException("The NRE settings were not saved: " + saved.body());
        }
        console.plugins().disable(Vendor.PLUGIN, "test");
        return url.replaceAll(".*:", "");
    }

    public Console console() {
        return console;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    public String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        console.close();
    }
}
