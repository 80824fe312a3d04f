package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.GaleraCluster;
import org.nre.hostkit.ServerDatabase;
import org.nre.sample.HostConfig;

/**
 * On a Galera node the console's reads wait until the node has applied what the cluster committed before them, so
 * that what a user did through another node is there at their next request; elsewhere nothing changes, and a URL
 * that chooses for itself is followed.
 */
@Tag("slow")
class GaleraReadsTest {

    @TempDir
    static Path dir;
    static GaleraCluster cluster;

    @BeforeAll
    static void start() {
        cluster = GaleraCluster.start(dir.resolve("galera"));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aConsoleOnAGaleraNodeReadsWhatEveryNodeCommitted() {
        assertThat(syncWait(cluster.url(2), cluster.user(), cluster.password())).isEqualTo(1);
    }

    @Test
    void aUrlThatSetsTheWaitItselfIsFollowed() {
        assertThat(syncWait(cluster.url(2) + "?sessionVariables=wsrep_sync_wait=0", cluster.user(),
                cluster.password())).isZero();
    }

    @Test
    void aConsoleOnAPlainMariaDbServerIsLeftAsItWas() {
        try (ServerDatabase server = ServerDatabase.fresh(DatabaseProduct.MARIADB)) {
            assertThat(syncWait(server.url(), server.user(), server.password())).isZero();
        }
    }

    private static int syncWait(String url, String user, String password) {
        HostConfig config = HostConfig.from(new String[] {"--data", dir.resolve("data").toString(), "--db-url", url,
                "--db-user", user}, Map.of("NRE_DB_PASSWORD", password));
        try (HostDatabase database = HostDatabase.open(config)) {
            return database.jdbc().one("SELECT @@SESSION.wsrep_sync_wait", row -> row.getInt(1)).orElseThrow();
        }
    }
}
