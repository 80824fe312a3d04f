package org.nre.sample;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.nre.conformance.ConformanceHost;
import org.nre.conformance.HostConformanceTests;
import org.nre.hostkit.KitHostNode;

/** The sample console does every host duty: the conformance kit's tests, run against real nodes of it. */
@Tag("slow")
class SampleHostConformanceTest extends HostConformanceTests {

    private static final String ADMIN_PASSWORD = "conformance-console-passphrase";

    @TempDir
    static Path data;

    @Override
    protected ConformanceHost host() {
        return (pluginsDir, jdbcUrl) -> {
            // The nodes of one database share a data folder, as a cluster's nodes share the key that seals secrets.
            Path dataDir = data.resolve(UUID.nameUUIDFromBytes(jdbcUrl.getBytes(StandardCharsets.UTF_8)).toString());
            String[] args = {"--port", "0", "--plugins", pluginsDir.toString(), "--data", dataDir.toString(),
                "--db-url", jdbcUrl, "--db-user", ConformanceHost.DATABASE_USER, "--demo-data", "false"};
            Console console = Console.start(HostConfig.from(args, Map.of("NRE_ADMIN_PASSWORD", ADMIN_PASSWORD)),
                    Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            return new KitHostNode(console.kit(), console);
        };
    }
}
