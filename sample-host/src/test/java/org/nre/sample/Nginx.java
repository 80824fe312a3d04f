package org.nre.sample;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as a TLS-terminating reverse proxy in front of a console, run from a folder of its own (config,
 * logs, temporary files, pid) on a free port, as operators put a console behind one.
 */
final class Nginx implements AutoCloseable {

    static final String NGINX = System.getenv().getOrDefault("NRE_TEST_NGINX", "/usr/sbin/nginx");

    final int port;
    private final Process process;
    private final Path dir;

    private Nginx(int port, Process process, Path dir) {
        this.port = port;
        this.process = process;
        this.dir = dir;
    }

    /** Proxies https://localhost:{port} to the console on 127.0.0.1, passing the client's address and scheme. */
    static Nginx inFrontOf(int port, int consolePort, TlsFiles tls, Path dir) {
        if (!Files.isExecutable(Path.of(NGINX))) {
            String message = "nginx is needed at " + NGINX + " for the reverse-proxy test (apt-get install nginx; "
                    + ".ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path home = Files.createDirectories(dir.resolve("nginx"));
            for (String temp : List.of("logs", "client", "proxy", "fastcgi", "uwsgi", "scgi")) {
                Path folder = Files.createDirectories(home.resolve(temp));
                folder.toFile().setWritable(true, false); // workers may run as another user when started as root
            }
            Files.writeString(home.resolve("nginx.conf"), """
                    worker_processes 1;
                    error_log %1$s/logs/error.log warn;
                    pid %1$s/logs/nginx.pid;
                    events { worker_connections 256; }
                    http {
                        access_log %1$s/logs/access.log;
                        client_body_temp_path %1$s/client;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        server {
                            listen 127.0.0.1:%2$d ssl;
                            server_name localhost;
                            ssl_certificate %3$s;
                            ssl_certificate_key %4$s;
                            location / {
                                proxy_pass http://127.0.0.1:%5$d;
                                proxy_set_header Host $http_host;
                                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                                proxy_set_header X-Forwarded-Proto $scheme;
                                proxy_set_header X-Forwarded-Host $http_host;
                            }
                        }
                    }
                    """.formatted(home, port, tls.certificate(), tls.key(), consolePort));
            Process process = new ProcessBuilder(NGINX, "-p", home.toString(), "-c", home.resolve("nginx.conf")
                    .toString(), "-g", "daemon off;").redirectErrorStream(true)
                    .redirectOutput(home.resolve("logs/stdout.log").toFile()).start();
            Nginx nginx = new Nginx(port, process, home);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx stopped: " + Files.readString(dir.resolve("logs/stdout.log"))
                            + Files.readString(dir.resolve("logs/error.log")));
                }
                sleep();
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }

    String base() {
        return "https://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
