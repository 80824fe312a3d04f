package org.nre.conformance;

import java.nio.file.Path;

/**
 * The one thing a host writes to run the kit: how to start a node of itself. A node runs in the test's JVM, on the
 * in-memory H2 database the kit names, with plugins from the folder the kit fills, in deployment mode.
 *
 * <pre>{@code
 * class MyHostConformanceTest extends HostConformanceTests {
 *     protected ConformanceHost host() {
 *         return (pluginsDir, jdbcUrl) -> new MyNode(MyConsole.start(pluginsDir, jdbcUrl, "sa", ""));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ConformanceHost {

    /** The user the host connects to the kit's database as, with an empty password. */
    String DATABASE_USER = "sa";

    /**
     * Starts one node of the host and returns once its plugins have started. The host migrates its own tables into
     * the database; its tables and every plugin's share that one schema. The kit starts several nodes on one URL,
     * at once (as a cluster) or one after the other (as a restart): they must share whatever the host's nodes
     * share, such as the key that seals secrets.
     *
     * @param pluginsDir a folder holding the plugin zips to load, this node's own
     * @param jdbcUrl an H2 URL in MariaDB mode, to connect to as {@link #DATABASE_USER} with an empty password
     * @return the running node, which the kit closes
     * @throws Exception when the host cannot start; the test fails with it
     */
    HostNode start(Path pluginsDir, String jdbcUrl) throws Exception;
}
