package org.nre.plugin.locality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;

class LocalityTest {

    @Test
    void citiesAndZipCodesCoveringOnePercentOfTheStudentsOrFewerAreLeftOut() {
        District district = new District("D", "D", "IL", List.of(
                new CensusLocality("North", "Springfield", "62704", 880),
                new CensusLocality("North", "Chatham", "62629", 100),
                new CensusLocality("North", "Rochester", "62563", 10),   // exactly 1%: left out
                new CensusLocality("South", "Pawnee", "62558", 10)));    // exactly 1%: left out

        Locality locality = Locality.of(district);

        assertThat(locality.cities()).containsExactly("Chatham", "Springfield");
        assertThat(locality.postalCodes()).containsExactly("62629", "62704");
    }

    @Test
    void citiesAndZipCodesAreCountedAcrossSchools() {
        // Pawnee has 6 students at each of two schools: 12 of 1000 is more than 1%, though neither school's is.
        District district = new District("D", "D", "IL", List.of(
                new CensusLocality("North", "Springfield", "62704", 494),
                new CensusLocality("South", "Springfield", "62711", 494),
                new CensusLocality("North", "Pawnee", "62558", 6),
                new CensusLocality("South", "Pawnee", "62558", 6)));

        Locality locality = Locality.of(district);

        assertThat(locality.cities()).containsExactly("Pawnee", "Springfield");
        assertThat(locality.postalCodes()).containsExactly("62558", "62704", "62711");
    }

    @Test
    void aDistrictWithoutStudentsHasNoLocality() {
        Locality locality = Locality.of(new District("D", "D", "IL", List.of()));
        assertThat(locality.cities()).isEmpty();
        assertThat(locality.postalCodes()).isEmpty();
    }
}
