package org.nre.simulator.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.nre.simulator.store.SimulatorStore;

/**
 * The simulated router on a loopback port: the JDK's HTTP server, bound to 127.0.0.1 only, answering the
 * contract of docs/router-api.md for the one district key it issued.
 */
public final class RouterServer implements AutoCloseable {

    /** Enough for one console's client (at most 8 calls at once) without holding many threads. */
    static final int THREADS = 4;
    static final String LOOPBACK = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService pool;

    private RouterServer(HttpServer server, ExecutorService pool) {
        this.server = server;
        this.pool = pool;
    }

    /**
     * Starts the router.
     *
     * @param store the vendor's registry
     * @param credentials the only key and secret it accepts
     * @param clock the router's clock, against which signatures' timestamps are checked
     * @param port the loopback port, or 0 for any free one
     * @return the running router
     * @throws IOException when the port cannot be listened on, such as when it is taken
     */
    public static RouterServer start(SimulatorStore store, RouterCredentials credentials, Clock clock, int port)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "simulated-router-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
        server.createContext("/", new RouterHandler(new RouterResources(store), credentials, clock));
        // The JDK's dispatcher thread takes the daemon status of the thread that starts it: started from one of the
        // pool's daemon threads, it never keeps a console's JVM alive when the console exits without stopping
        // its plugins.
        try {
            pool.submit(server::start).get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            throw new IOException("The simulated router could not start: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            pool.shutdownNow();
            throw new IOException("Interrupted while the simulated router started", e);
        }
        return new RouterServer(server, pool);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Its base URL, such as {@code http://127.0.0.1:41234}. */
    public URI url() {
        return URI.create("http://" + LOOPBACK + ":" + port());
    }

    /** Stops listening at once, ending calls under way. */
    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
