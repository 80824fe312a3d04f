package org.nre.hostapi.district;

import java.util.List;
import org.nre.hostapi.Fields;

/**
 * The school district a console serves.
 *
 * @param id the district's id, such as its state's district number
 * @param name the district's name
 * @param state the two-letter code of the district's state
 * @param localities where the district's students live, per school, city and ZIP code
 */
public record District(String id, String name, String state, List<CensusLocality> localities) {

    /** Checks and copies the fields. */
    public District {
        Fields.requireText(id, "id");
        Fields.requireText(name, "name");
        Fields.requireText(state, "state");
        localities = Fields.copyOf(localities, "localities");
    }

    /**
     * How many students the district has in all.
     *
     * @return the sum of the localities' student counts
     */
    public long students() {
        return localities.stream().mapToLong(CensusLocality::students).sum();
    }
}
