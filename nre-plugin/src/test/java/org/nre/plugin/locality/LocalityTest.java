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

        assertThat(locality.sentCities()).containsExactly("Chatham", "Springfield");
        assertThat(locality.sentPostalCodes()).containsExactly("62629", "62704");
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

        assertThat(locality.sentCities()).containsExactly("Pawnee", "Springfield");
        assertThat(locality.sentPostalCodes()).containsExactly("62558", "62704", "62711");
    }

    @Test
    void aDistrictWithoutStudentsHasNoLocality() {
        Locality locality = Locality.of(new District("D", "D", "IL", List.of()));
        assertThat(locality.cities()).isEmpty();
        assertThat(locality.postalCodes()).isEmpty();
        assertThat(locality.json()).isEqualTo(java.util.Map.of("cities", List.of(), "postalCodes", List.of()));
    }

    @Test
    void everyPlaceIsListedWithItsStudentsAndShareAndTheOnesLeftOutAreMarkedSo() {
        District district = new District("D", "D", "IL", List.of(
                new CensusLocality("North", "Springfield", "62704", 880),
                new CensusLocality("North", "Chatham", "62629", 100),
                new CensusLocality("North", "Rochester", "62563", 11),
                new CensusLocality("South", "Pawnee", "62558", 9)));

        Locality locality = Locality.of(district);

        assertThat(locality.students()).isEqualTo(1000);
        assertThat(locality.threshold()).as("more than 1% of 1000 students").isEqualTo(11);
        assertThat(locality.cities()).extracting(Locality.Place::name, Locality.Place::students, Locality.Place::sent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chatham", 100L, true),
                        org.assertj.core.groups.Tuple.tuple("Pawnee", 9L, false),
                        org.assertj.core.groups.Tuple.tuple("Rochester", 11L, true),
                        org.assertj.core.groups.Tuple.tuple("Springfield", 880L, true));
        assertThat(locality.share(locality.cities().get(1))).isEqualTo("0.9%");
        assertThat(locality.share(locality.cities().get(3))).isEqualTo("88.0%");
        assertThat(locality.json()).isEqualTo(java.util.Map.of("cities", List.of("Chatham", "Rochester", "Springfield"),
                "postalCodes", List.of("62563", "62629", "62704")));
        assertThat(locality.describe()).isEqualTo("cities Chatham, Rochester, Springfield; ZIP codes 62563, 62629, 62704");
    }

    @Test
    void theDigestChangesExactlyWhenWhatIsSentChanges() {
        District before = new District("D", "D", "IL", List.of(
                new CensusLocality("North", "Springfield", "62704", 990),
                new CensusLocality("North", "Pawnee", "62558", 10)));
        District moreInSpringfield = new District("D", "D", "IL", List.of(
                new CensusLocality("North", "Springfield", "62704", 995),
                new CensusLocality("North", "Pawnee", "62558", 10)));
        District pawneeGrows = new District("D", "D", "IL", List.of(
                new CensusLocality("North", "Springfield", "62704", 990),
                new CensusLocality("North", "Pawnee", "62558", 11)));

        assertThat(Locality.of(moreInSpringfield).digest()).isEqualTo(Locality.of(before).digest());
        assertThat(Locality.of(pawneeGrows).digest()).isNotEqualTo(Locality.of(before).digest());
    }
}
