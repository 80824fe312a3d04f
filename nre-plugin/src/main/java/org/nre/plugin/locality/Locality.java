package org.nre.plugin.locality;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;

/**
 * The cities and ZIP codes the district is found by in the exchange's district locator: those of its
 * students' census addresses, leaving out every city and every ZIP code that covers 1% of the students or
 * fewer.
 *
 * @param cities the cities, sorted
 * @param postalCodes the ZIP codes, sorted
 */
public record Locality(List<String> cities, List<String> postalCodes) {

    /** A city or ZIP code is sent only when it covers more than this share of the students, in percent. */
    public static final int CUT_OFF_PERCENT = 1;

    public Locality {
        cities = List.copyOf(cities);
        postalCodes = List.copyOf(postalCodes);
    }

    public static Locality of(District district) {
        Map<String, Long> byCity = new HashMap<>();
        Map<String, Long> byPostalCode = new HashMap<>();
        for (CensusLocality locality : district.localities()) {
            byCity.merge(locality.city().strip(), (long) locality.students(), Long::sum);
            byPostalCode.merge(locality.postalCode().strip(), (long) locality.students(), Long::sum);
        }
        long total = district.students();
        return new Locality(aboveCutOff(byCity, total), aboveCutOff(byPostalCode, total));
    }

    // Integer arithmetic, so that exactly 1% is left out whatever the rounding: students * 100 > total.
    private static List<String> aboveCutOff(Map<String, Long> students, long total) {
        return students.entrySet().stream()
                .filter(e -> total > 0 && e.getValue() * 100 > total * CUT_OFF_PERCENT)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** The locality as the router's contract writes it. */
    public Map<String, Object> json() {
        return Map.of("cities", cities, "postalCodes", postalCodes);
    }
}
