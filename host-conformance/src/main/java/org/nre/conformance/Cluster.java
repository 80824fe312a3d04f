package org.nre.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Nodes of the host under test on one database, each stopped once: by the test, or when the test ends. */
final class Cluster implements AutoCloseable {

    private final ConformanceHost host;
    private final KitDatabase database;
    private final List<HostNode> running = new ArrayList<>();

    Cluster(ConformanceHost host, KitDatabase database) {
        this.host = host;
        this.database = database;
    }

    /** Starts a node loading the plugins of the folder; it runs until stopped or the cluster is closed. */
    HostNode start(Path pluginsDir) throws Exception {
        HostNode node = host.start(pluginsDir, database.url());
        assertThat(node).as("ConformanceHost.start must answer the node it started").isNotNull();
        running.add(node);
        return node;
    }

    void stop(HostNode node) {
        if (running.remove(node)) {
            node.close();
        }
    }

    /** Stops the nodes still running, the newest first. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            stop(running.get(running.size() - 1));
        }
    }
}
