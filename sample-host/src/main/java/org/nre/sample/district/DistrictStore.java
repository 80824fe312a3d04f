package org.nre.sample.district;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostkit.db.Jdbc;

/**
 * The district this console serves and where its students live. Reference data that changes a few times a
 * year, read on every panel view: each node keeps what it read for {@link #FRESH_FOR}, so that a change made
 * elsewhere (another node, the district's own systems) shows within that time, and a change made here at once.
 */
public final class DistrictStore implements DistrictDirectory {

    /** How long a node serves the district it read before reading it again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private record Read(Optional<District> district, Instant at) {
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private volatile Read last;

    public DistrictStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<District> current() {
        Instant now = clock.instant();
        Read read = last;
        if (read == null || now.isBefore(read.at()) || !now.isBefore(read.at().plus(FRESH_FOR))) {
            read = new Read(load(), now);
            last = read;
        }
        return read.district();
    }

    private Optional<District> load() {
        record Head(String id, String name, String state) {
        }
        Optional<Head> head = jdbc.one("SELECT district_id, name, state FROM host_district WHERE slot = 1",
                row -> new Head(row.getString(1), row.getString(2), row.getString(3)));
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<CensusLocality> localities = jdbc.list("""
                SELECT school, city, postal_code, students FROM host_census_locality
                 ORDER BY school, city, postal_code""",
                row -> new CensusLocality(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)));
        Head h = head.get();
        return Optional.of(new District(h.id(), h.name(), h.state(), localities));
    }

    /** Sets up the district, replacing any district and localities stored before. */
    public void replace(District district) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM host_census_locality");
            Jdbc.update(connection, "DELETE FROM host_district");
            Jdbc.update(connection, "INSERT INTO host_district (slot, district_id, name, state) VALUES (1, ?, ?, ?)",
                    district.id(), district.name(), district.state());
            for (CensusLocality locality : district.localities()) {
                Jdbc.update(connection, """
                        INSERT INTO host_census_locality (school, city, postal_code, students)
                        VALUES (?, ?, ?, ?)""",
                        locality.school(), locality.city(), locality.postalCode(), locality.students());
            }
            return null;
        });
        last = null;
    }
}
