package org.nre.bench.floor;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up floor: the console's HTTP server (Javalin 7.2.3 on Jetty 12) with one /healthz route and nothing
 * else, started the same way as the console (java -jar, libraries in lib/). The console cannot start faster than
 * this; docs/performance.md reports the console's start-up as a ratio to it.
 *
 * <p>Usage: {@code java -jar benchmarks-<version>-floor.jar --port <port>}
 */
public final class HelloHealthz {

    private static final String HEALTH = "{\"status\":\"UP\"}";
    // Logged like the console's own "listening" line, through the same SLF4J binding.
    private static final Logger LOG = LoggerFactory.getLogger(HelloHealthz.class);

    private HelloHealthz() {
    }

    public static void main(String[] args) {
        int port = 8080;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        int chosen = port;
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = chosen;
            config.routes.get("/healthz", ctx -> ctx.contentType("application/json").result(HEALTH));
        }).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "floor-shutdown"));
        LOG.info("Floor listening on http://127.0.0.1:{}/", app.port());
    }
}
