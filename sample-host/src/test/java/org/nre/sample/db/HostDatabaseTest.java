package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;
import org.nre.sample.ConsoleException;
import org.nre.sample.HostConfig;

class HostDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedUrlGetsAQueryCacheLargeEnoughForAPanelPage() {
        assertThat(HostDatabase.withQueryCache("jdbc:h2:file:/data/console;MODE=MariaDB"))
                .isEqualTo("jdbc:h2:file:/data/console;MODE=MariaDB;QUERY_CACHE_SIZE=64");
    }

    @Test
    void anEmbeddedUrlThatSetsItsOwnQueryCacheIsLeftAsItIs() {
        assertThat(HostDatabase.withQueryCache("jdbc:h2:mem:x;query_cache_size=16"))
                .isEqualTo("jdbc:h2:mem:x;query_cache_size=16");
    }

    @Test
    void aMariaDbUrlGetsTimeoutsSoThatADeadServerFailsRequestsFast() {
        assertThat(HostDatabase.withTimeouts("jdbc:mariadb://db:3306/nre"))
                .isEqualTo("jdbc:mariadb://db:3306/nre?socketTimeout=10000&connectTimeout=3000");
        assertThat(HostDatabase.withTimeouts("jdbc:mariadb://db:3306/nre?connectTimeout=500"))
                .isEqualTo("jdbc:mariadb://db:3306/nre?connectTimeout=500&socketTimeout=10000");
    }

    @Test
    void aPostgreSqlUrlGetsTheSameTimeoutsInTheSecondsItsDriverCounts() {
        assertThat(HostDatabase.withTimeouts("jdbc:postgresql://db:5432/nre"))
                .isEqualTo("jdbc:postgresql://db:5432/nre?socketTimeout=10&connectTimeout=3");
        assertThat(HostDatabase.withTimeouts("jdbc:postgresql://db/nre?sslmode=require&socketTimeout=30"))
                .isEqualTo("jdbc:postgresql://db/nre?sslmode=require&socketTimeout=30&connectTimeout=3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb://127.0.0.1:1/console", "jdbc:postgresql://127.0.0.1:1/console"})
    void aServerThatDoesNotAnswerStopsTheStartNamingTheUrlAndWhatToCheck(String url) {
        HostConfig config = HostConfig.from(new String[] {"--data", dir.toString(), "--db-url", url, "--db-user",
                "console"}, Map.of());

        assertThatThrownBy(() -> HostDatabase.open(config)).isInstanceOf(ConsoleException.class)
                .hasMessageStartingWith("Cannot connect to the database at " + url)
                .hasMessageContaining("Check that the server is running and that the URL, NRE_DB_USER and "
                        + "NRE_DB_PASSWORD are right.");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
    void aDatabaseTheServerDoesNotHaveStopsTheStartWithWhatTheServerSaid(DatabaseProduct product) {
        String url;
        HostConfig config;
        try (ServerDatabase server = ServerDatabase.fresh(product)) {
            url = server.url() + "_missing";
            config = HostConfig.from(new String[] {"--data", dir.toString(), "--db-url", url, "--db-user",
                    server.user()}, Map.of("NRE_DB_PASSWORD", server.password()));
        }

        assertThatThrownBy(() -> HostDatabase.open(config)).isInstanceOf(ConsoleException.class)
                .hasMessageStartingWith("Cannot connect to the database at " + url + ": ")
                .hasMessageContaining(product == DatabaseProduct.POSTGRESQL ? "does not exist" : "Unknown database")
                .hasMessageContaining("Check that the server is running");
    }
}
