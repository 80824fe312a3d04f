package org.nre.sample.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.sample.HostConfig;
import org.nre.sample.MutableClock;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;

class DistrictStoreTest {

    @TempDir
    Path dir;
    HostDatabase database;
    final MutableClock clock = new MutableClock();

    @BeforeEach
    void open() {
        database = HostDatabase.open(HostConfig.from(new String[] {"--data", dir.toString()},
                Map.of()));
        ConsoleSchema.migrate(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aChangeMadeOnThisNodeShowsAtOnce() {
        DistrictStore store = new DistrictStore(database.jdbc(), clock);
        store.replace(DemoDistrict.district());
        assertThat(store.current()).map(District::id).contains("IL-0150-DEMO");

        store.replace(new District("IL-0200", "Other District", "IL", List.of(
                new CensusLocality("Lincoln Elementary", "Decatur", "62521", 300))));

        assertThat(store.current()).map(District::name).contains("Other District");
        assertThat(store.current().orElseThrow().localities()).extracting(CensusLocality::city).containsExactly("Decatur");
    }

    @Test
    void aChangeMadeElsewhereShowsOnceWhatThisNodeReadIsNoLongerFresh() {
        DistrictStore here = new DistrictStore(database.jdbc(), clock);
        DistrictStore elsewhere = new DistrictStore(database.jdbc(), clock);
        here.replace(DemoDistrict.district());
        assertThat(here.current()).map(District::id).contains("IL-0150-DEMO");

        elsewhere.replace(new District("IL-0200", "Other District", "IL", List.of()));

        assertThat(here.current()).map(District::id).as("still fresh").contains("IL-0150-DEMO");
        clock.advance(DistrictStore.FRESH_FOR);
        assertThat(here.current()).map(District::id).contains("IL-0200");
    }

    @Test
    void aConsoleWithoutADistrictSaysSoAndPicksOneUpWhenItIsSetUp() {
        DistrictStore store = new DistrictStore(database.jdbc(), clock);
        assertThat(store.current()).isEmpty();

        store.replace(DemoDistrict.district());

        assertThat(store.current()).isPresent();
        clock.advance(Duration.ofMinutes(5));
        assertThat(store.current()).map(District::id).contains("IL-0150-DEMO");
    }
}
