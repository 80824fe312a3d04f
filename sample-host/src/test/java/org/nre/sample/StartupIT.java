package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged console, started with {@code java -jar} as the README says. */
class StartupIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void javaDashJarStartsTheConsoleLogsOneLinePerPluginAndPrintsTheOneTimePassword() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        int port = freePort();
        Process process = start(List.of("--port", String.valueOf(port), "--plugins", plugins.toString(),
                "--data", dir.resolve("data").toString()));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = drain(process, lines);
        try {
            waitFor(lines, "listening on http://127.0.0.1:" + port);

            assertThat(lines).anyMatch(l -> l.matches(".*\\[INFO] PluginHost - Plugin nre 0\\.1\\.0-SNAPSHOT STARTED$"));
            assertThat(lines).anyMatch(l -> l.contains("sign in as 'admin' with this one-time password"));
            WebClient.Response health = new WebClient(port).get("/healthz");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(2000);
        }
    }

    @Test
    void aWrongFlagStopsTheConsoleWithAMessageThatSaysWhatIsAllowed() throws Exception {
        Process process = start(List.of("--port", "http"));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = drain(process, lines);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(2000);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(String.join("\n", lines)).contains("Port 'http' is not a number: use 1 to 65535")
                .contains("Usage: java -jar sample-host.jar");
    }

    @Test
    void theConsoleStartsWithoutStartingJmx() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path classes = dir.resolve("classes.log");
        try (ConsoleProcess console = ConsoleProcess.start(dir, List.of("-Xlog:class+load=info:file=" + classes),
                List.of("--plugins", plugins.toString(), "--data", dir.resolve("data").toString()), Map.of())) {
            console.awaitStarted();
            assertThat(console.client().get("/healthz").status()).isEqualTo(200);
            console.stop();
        }

        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("the classes the console loaded").anyMatch(l -> l.contains(" org.eclipse.jetty.util."
                + "MemoryUtils "));
        assertThat(loaded).noneMatch(l -> l.contains(" java.lang.management.ManagementFactory "));
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", System.getProperty("nre.test.jar")));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("NRE_ADMIN_PASSWORD");
        return builder.start();
    }

    private static Thread drain(Process process, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void waitFor(List<String> lines, String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            synchronized (lines) {
                if (lines.stream().anyMatch(l -> l.contains(text))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The console did not log '" + text + "' within " + START_TIMEOUT + ":\n"
                + String.join("\n", lines));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
