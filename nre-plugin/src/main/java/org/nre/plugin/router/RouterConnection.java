package org.nre.plugin.router;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The client for the router as currently configured: built when first needed and rebuilt when the settings
 * change, so that a new URL, key or secret takes effect at the next call.
 */
public final class RouterConnection implements AutoCloseable {

    private final Supplier<Optional<RouterSettings>> settings;
    private final RouterPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final RouterClient.Health health;
    private final RouterCalls calls;
    /** One bound for this node's calls, kept across the clients that new settings build. */
    private final Semaphore callsAtOnce;
    private RouterSettings built;
    private RouterClient client;

    public RouterConnection(Supplier<Optional<RouterSettings>> settings, RouterPolicy policy, Clock clock,
                            RandomGenerator random, RouterClient.Health health) {
        this(settings, policy, clock, random, health, RouterCalls.NONE);
    }

    /** A connection whose clients tell {@code calls} of every call's outcome and duration. */
    public RouterConnection(Supplier<Optional<RouterSettings>> settings, RouterPolicy policy, Clock clock,
                            RandomGenerator random, RouterClient.Health health, RouterCalls calls) {
        this.calls = calls;
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.health = health;
        this.callsAtOnce = new Semaphore(policy.maxCallsAtOnce());
    }

    /**
     * The client as last built, without reading the settings again: enough to ask whether its circuit is open,
     * which a page shown often should not pay a settings read and a secret's decryption for.
     */
    public synchronized Optional<RouterClient> lastBuilt() {
        return Optional.ofNullable(client);
    }

    /** The client, or empty while the router is not configured. */
    public synchronized Optional<RouterClient> client() {
        Optional<RouterSettings> current = settings.get();
        if (current.isEmpty()) {
            close();
            return Optional.empty();
        }
        if (!current.get().equals(built)) {
            if (client != null) {
                client.retire();
            }
            built = current.get();
            client = new RouterClient(built, policy, clock, random, health, InetAddress::getAllByName, null,
                    callsAtOnce, calls);
        }
        return Optional.of(client);
    }

    /** Ends the client's connections, calls in flight included: for the plugin's stop. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        built = null;
        client = null;
    }
}
