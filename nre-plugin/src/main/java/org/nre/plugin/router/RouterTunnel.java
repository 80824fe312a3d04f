package org.nre.plugin.router;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out to an https router: java.net.http (Java 17) cannot be told which address to connect to, so
 * it is given this tunnel as its proxy. For every connection the tunnel resolves the router's host once, checks
 * every address it got ({@link RouterAddress}), connects to a checked one and only then lets the client's TLS
 * through, end to end (the certificate is still checked against the router's name). A name that resolves to a
 * public address when the URL is saved and to the district's network later is refused at that later connection.
 * It listens on loopback and opens a tunnel to the configured router's host and port only.
 */
final class RouterTunnel implements AutoCloseable {

    /** How the router's host becomes addresses: the system's resolver, or a test's. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RouterTunnel.class);
    private static final int MAX_REQUEST_HEAD = 8 * 1024;
    private static final Duration REQUEST_HEAD_WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String host;
    private final int port;
    private final List<RouterAddress.Network> allowed;
    private final Duration connectTimeout;
    private final Resolver resolver;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "nre-router-tunnel-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile String lastRefusal;
    private volatile InetAddress lastConnected;

    RouterTunnel(String host, int port, List<RouterAddress.Network> allowed, Duration connectTimeout,
                 Resolver resolver) throws IOException {
        this.host = host;
        this.port = port;
        this.allowed = List.copyOf(allowed);
        this.connectTimeout = connectTimeout;
        this.resolver = resolver;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptAll);
    }

    /** Where the tunnel listens, to give java.net.http as its proxy. */
    InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Why the tunnel last refused or failed to open a connection, in plain words: nothing was sent then. */
    Optional<String> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    /** The address the tunnel last connected to, for tests. */
    Optional<InetAddress> lastConnected() {
        return Optional.ofNullable(lastConnected);
    }

    /** Accepts no more connections; those open go on until either end closes them. */
    void stopAccepting() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the router tunnel: {}", e.toString());
        }
    }

    /** Accepts no more connections and ends those open. */
    @Override
    public void close() {
        stopAccepting();
        open.forEach(RouterTunnel::quietlyClose);
        threads.shutdownNow();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("The router tunnel stopped accepting connections: {}", e.toString());
                }
                return;
            } catch (RuntimeException e) {
                // Rejected after close: the tunnel is going away.
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            client.setSoTimeout((int) REQUEST_HEAD_WAIT.toMillis());
            String target = connectTarget(client.getInputStream());
            if (target == null || !target.equalsIgnoreCase(authority())) {
                refuse(client, "403 Forbidden", "The console's router tunnel opens connections to " + authority()
                        + " only.");
                return;
            }
            InetAddress[] addresses;
            try {
                addresses = resolver.resolve(RouterAddress.unbracket(host));
            } catch (UnknownHostException e) {
                refuse(client, "502 Bad Gateway", "The router's address " + host + " could not be found.");
                return;
            }
            Optional<String> problem = RouterAddress.loopbackLiteral(host) ? Optional.empty()
                    : RouterAddress.addressesProblem(host, addresses, allowed);
            if (problem.isPresent()) {
                refuse(client, "403 Forbidden", problem.get());
                return;
            }
            Socket upstream = connect(addresses);
            if (upstream == null) {
                refuse(client, "502 Bad Gateway", lastRefusal);
                return;
            }
            open.add(upstream);
            client.setSoTimeout(0);
            lastRefusal = null;
            OutputStream toClient = client.getOutputStream();
            toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
            AtomicInteger running = new AtomicInteger(2);
            threads.execute(() -> pump(client, upstream, running));
            pump(upstream, client, running);
        } catch (IOException | RuntimeException e) {
            LOG.debug("A router tunnel connection ended: {}", e.toString());
            quietlyClose(client);
            open.remove(client);
        }
    }

    private Socket connect(InetAddress[] addresses) {
        String where = host + ":" + port;
        for (InetAddress address : addresses) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
                lastConnected = address;
                return socket;
            } catch (SocketTimeoutException e) {
                lastRefusal = "The router at " + where + " could not be reached: connecting took longer than "
                        + connectTimeout.toSeconds() + " seconds.";
            } catch (IOException e) {
                lastRefusal = "The router at " + where + " could not be reached: nothing accepted the connection.";
            }
            quietlyClose(socket);
        }
        return null;
    }

    /**
     * Copies one direction until it ends and ends that direction on the other side; the second direction to
     * end closes both sockets.
     */
    private void pump(Socket from, Socket to, AtomicInteger running) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            running.set(1);
        }
        if (running.decrementAndGet() <= 0) {
            quietlyClose(from);
            quietlyClose(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /** The {@code host:port} of a CONNECT request's head, or null when it is not one. */
    private static String connectTarget(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() >= MAX_REQUEST_HEAD) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String first = head.toString(StandardCharsets.US_ASCII).split("\r\n", 2)[0];
        String[] parts = first.split(" ");
        if (parts.length != 3 || !parts[0].equals("CONNECT") || !parts[2].startsWith("HTTP/1.")) {
            return null;
        }
        return parts[1].toLowerCase(Locale.ROOT);
    }

    private String authority() {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    private void refuse(Socket client, String status, String reason) throws IOException {
        lastRefusal = reason;
        try {
            OutputStream out = client.getOutputStream();
            out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } finally {
            quietlyClose(client);
            open.remove(client);
        }
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }
}
