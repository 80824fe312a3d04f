package org.nre.sample.district;

import java.util.List;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;

/**
 * A made-up district for trying the console: four schools whose students live in a few cities and ZIP
 * codes, two of which hold 1% of the students or fewer (so the locality sent on registration leaves
 * them out).
 */
public final class DemoDistrict {

    private DemoDistrict() {
    }

    public static District district() {
        return new District("IL-0150-DEMO", "Prairie Valley Community Unit School District 150", "IL", List.of(
                new CensusLocality("Prairie Valley High School", "Springfield", "62704", 612),
                new CensusLocality("Prairie Valley High School", "Chatham", "62629", 241),
                new CensusLocality("Prairie Valley High School", "Rochester", "62563", 9),
                new CensusLocality("Lincoln Middle School", "Springfield", "62704", 388),
                new CensusLocality("Lincoln Middle School", "Springfield", "62711", 164),
                new CensusLocality("Douglas Elementary School", "Springfield", "62711", 297),
                new CensusLocality("Douglas Elementary School", "Chatham", "62629", 132),
                new CensusLocality("Sangamon Elementary School", "Springfield", "62704", 205),
                new CensusLocality("Sangamon Elementary School", "Pawnee", "62558", 12)));
    }
}
