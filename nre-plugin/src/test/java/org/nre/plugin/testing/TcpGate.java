package org.nre.plugin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a fixed loopback port that can be shut: while shut nothing listens on the port, so every
 * connection is refused (no byte of a request leaves the client), and the connections it carried are closed.
 */
final class TcpGate implements AutoCloseable {

    private final int target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;

    TcpGate(int target) {
        this.target = target;
        this.port = freePortBelowEphemeralRange();
        open(true);
    }

    // While shut, the port must not be handed out as the local port of some outgoing connection, or the gate
    // could not open again: ports below Linux's ephemeral range (32768 and up) never are.
    private static int freePortBelowEphemeralRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("No free loopback port between 20000 and 32000");
    }

    int port() {
        return port;
    }

    /** Opens the gate, or shuts it and closes every connection it carried. */
    synchronized void open(boolean yes) {
        if (yes == (listening != null)) {
            return;
        }
        if (!yes) {
            closeQuietly(listening);
            listening = null;
            open.forEach(TcpGate::closeQuietly);
            open.clear();
            return;
        }
        ServerSocket socket = bind();
        listening = socket;
        Thread accept = new Thread(() -> accept(socket), "tcp-gate-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    /** Binds the port again; a connection the gate carried may hold it for a moment after it was closed. */
    private ServerSocket bind() {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                try {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                    return socket;
                } catch (IOException e) {
                    socket.close();
                    throw e;
                }
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("The gate cannot listen on port " + port + " again", last);
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                synchronized (this) {
                    if (listening != socket) {
                        closeQuietly(client); // shut meanwhile
                        return;
                    }
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(server);
                    pump(client, server);
                    pump(server, client);
                }
            } catch (IOException e) {
                return; // shut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-gate-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        open(false);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            // closing is best effort
        }
    }
}
