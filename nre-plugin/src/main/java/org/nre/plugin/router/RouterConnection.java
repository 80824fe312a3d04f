package org.nre.plugin.router;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The client for the router as currently configured: built when first needed and rebuilt when the settings
 * change, so that a new URL, key or secret takes effect at the next call.
 */
public final class RouterConnection {

    private final Supplier<Optional<RouterSettings>> settings;
    private final RouterPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;
    private final RouterClient.Health health;
    private RouterSettings built;
    private RouterClient client;

    public RouterConnection(Supplier<Optional<RouterSettings>> settings, RouterPolicy policy, Clock clock,
                            RandomGenerator random, RouterClient.Health health) {
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
        this.health = health;
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
            built = null;
            client = null;
            return Optional.empty();
        }
        if (!current.get().equals(built)) {
            built = current.get();
            client = new RouterClient(built, policy, clock, random, health);
        }
        return Optional.of(client);
    }
}
