package org.nre.hostapi.district;

import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * How many students of one school have their census (home) address in one city and ZIP code.
 *
 * @param school the school's name
 * @param city the city of the census addresses
 * @param postalCode the ZIP code of the census addresses
 * @param students how many students that is
 */
public record CensusLocality(String school, String city, String postalCode, int students) {

    /** Checks the fields. */
    public CensusLocality {
        Fields.requireText(school, "school");
        Fields.requireText(city, "city");
        Fields.requireText(postalCode, "postalCode");
        if (students < 0) {
            throw new HostApiException("Field 'students' cannot be negative; got " + students);
        }
    }
}
