package org.nre.hostapi.district;

import java.util.Optional;

/** Where a plugin reads the district's current data from. */
public interface DistrictDirectory {

    /**
     * The district as the console knows it now.
     *
     * @return the district, or empty when the console has not been set up with one
     */
    Optional<District> current();
}
