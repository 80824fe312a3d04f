package org.nre.plugin.locality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;

/**
 * The cities and ZIP codes of the district's students' census addresses, each with its student count, and
 * which of them the district is found by in the exchange's district locator: every city and every ZIP code that
 * covers more than 1% of the students. Only the names of those are sent.
 *
 * @param cities every city, sorted by name
 * @param postalCodes every ZIP code, sorted
 * @param students the district's students in all
 */
public record Locality(List<Place> cities, List<Place> postalCodes, long students) {

    /** A city or ZIP code is sent only when it covers more than this share of the students, in percent. */
    public static final int CUT_OFF_PERCENT = 1;

    /**
     * A city or a ZIP code.
     *
     * @param name its name or code
     * @param students how many of the district's students live there
     * @param sent whether it is sent: it covers more than {@link #CUT_OFF_PERCENT}% of the students
     */
    public record Place(String name, long students, boolean sent) {
    }

    public Locality {
        cities = List.copyOf(cities);
        postalCodes = List.copyOf(postalCodes);
    }

    public static Locality of(District district) {
        Map<String, Long> byCity = new TreeMap<>();
        Map<String, Long> byPostalCode = new TreeMap<>();
        for (CensusLocality locality : district.localities()) {
            byCity.merge(locality.city().strip(), (long) locality.students(), Long::sum);
            byPostalCode.merge(locality.postalCode().strip(), (long) locality.students(), Long::sum);
        }
        long total = district.students();
        return new Locality(places(byCity, total), places(byPostalCode, total), total);
    }

    // Integer arithmetic, so that exactly 1% is left out whatever the rounding: students * 100 > total.
    private static List<Place> places(Map<String, Long> students, long total) {
        return students.entrySet().stream()
                .map(e -> new Place(e.getKey(), e.getValue(), total > 0 && e.getValue() * 100 > total * CUT_OFF_PERCENT))
                .sorted(Comparator.comparing(Place::name))
                .toList();
    }

    /** The fewest students a city or ZIP code needs to be sent. */
    public long threshold() {
        return students * CUT_OFF_PERCENT / 100 + 1;
    }

    /** A place's share of the students, in percent with one decimal, such as {@code 24.8%}. */
    public String share(Place place) {
        if (students == 0) {
            return "0.0%";
        }
        return BigDecimal.valueOf(place.students() * 100).divide(BigDecimal.valueOf(students), 1, RoundingMode.HALF_UP)
                + "%";
    }

    public List<String> sentCities() {
        return cities.stream().filter(Place::sent).map(Place::name).toList();
    }

    public List<String> sentPostalCodes() {
        return postalCodes.stream().filter(Place::sent).map(Place::name).toList();
    }

    /** The locality as the router's contract writes it: the names of what is sent, and nothing else. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cities", sentCities());
        json.put("postalCodes", sentPostalCodes());
        return json;
    }

    /** A digest of what is sent, so that a form can refuse to send a locality other than the one it showed. */
    public String digest() {
        String canonical = String.join("\n", sentCities()) + "\n--\n" + String.join("\n", sentPostalCodes());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is sent, in words, such as "cities Chatham, Springfield; ZIP codes 62629, 62704". */
    public String describe() {
        return "cities " + (sentCities().isEmpty() ? "(none)" : String.join(", ", sentCities()))
                + "; ZIP codes " + (sentPostalCodes().isEmpty() ? "(none)" : String.join(", ", sentPostalCodes()));
    }
}
