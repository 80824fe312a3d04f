package org.nre.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged console started with {@code java -jar} in a process of its own, as an operator runs it. */
final class ConsoleProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    final int port;
    private final Process process;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    private ConsoleProcess(int port, Process process) {
        this.port = port;
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed)");
            }
        }, "console-output");
        reader.setDaemon(true);
        reader.start();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a console on a free port with these options and environment, in the given working folder. */
    static ConsoleProcess start(Path workDir, List<String> options, Map<String, String> env) {
        return start(workDir, List.of(), options, env);
    }

    /** The same, with options for the JVM. */
    static ConsoleProcess start(Path workDir, List<String> jvmOptions, List<String> options, Map<String, String> env) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("nre.test.jar"), "--port", String.valueOf(port)));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("NRE_"));
        builder.environment().putAll(env);
        try {
            return new ConsoleProcess(port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConsoleProcess awaitStarted() {
        awaitLog("listening on http", START_TIMEOUT);
        return this;
    }

    void awaitLog(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive() && !log().contains(text)) {
                throw new AssertionError("The console stopped before logging '" + text + "':\n" + log());
            }
            sleep(100);
        }
        throw new AssertionError("The console did not log '" + text + "' within " + timeout + ":\n" + log());
    }

    String log() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    String nodeId() {
        Matcher matcher = Pattern.compile("Console node (\\S+)").matcher(log());
        if (!matcher.find()) {
            throw new AssertionError("No node id in the log:\n" + log());
        }
        return matcher.group(1);
    }

    WebClient client() {
        return new WebClient(port);
    }

    /** Stops the console as an operator does (SIGTERM): it closes itself down. */
    void stop() {
        process.destroy();
        waitForExit(Duration.ofSeconds(20));
    }

    /** Kills the console at once (SIGKILL), as a crash would. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(20));
    }

    int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("The console did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
