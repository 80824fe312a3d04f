package org.nre.plugin.locality;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A locality as it was sent to the router: the names of its cities and ZIP codes, kept as the JSON that
 * travelled, so that the panel can show what the router holds.
 *
 * @param cities the cities sent
 * @param postalCodes the ZIP codes sent
 */
public record SentLocality(List<String> cities, List<String> postalCodes) {

    public SentLocality {
        cities = List.copyOf(cities);
        postalCodes = List.copyOf(postalCodes);
    }

    public static SentLocality of(Locality locality) {
        return new SentLocality(locality.sentCities(), locality.sentPostalCodes());
    }

    /** Reads what {@link #json()} wrote; an unreadable text reads as nothing sent. */
    public static SentLocality parse(String json) {
        if (json == null || json.isBlank()) {
            return new SentLocality(List.of(), List.of());
        }
        try {
            Map<String, Object> map = JSON.std.mapFrom(json);
            return new SentLocality(texts(map.get("cities")), texts(map.get("postalCodes")));
        } catch (IOException e) {
            return new SentLocality(List.of(), List.of());
        }
    }

    public String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cities", cities);
        json.put("postalCodes", postalCodes);
        try {
            return JSON.std.asString(json);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a locality", e);
        }
    }

    /** Whether the locality now sends the same names as this one did. */
    public boolean sameAs(Locality locality) {
        return cities.equals(locality.sentCities()) && postalCodes.equals(locality.sentPostalCodes());
    }

    private static List<String> texts(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
}
