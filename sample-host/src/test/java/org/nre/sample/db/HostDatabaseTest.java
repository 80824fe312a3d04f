package org.nre.sample.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostDatabaseTest {

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
}
