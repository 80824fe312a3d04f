package org.nre.hostapi;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Checks used by the API's value types; plugins may use them for their own values too. */
public final class Fields {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");

    /** The longest identifier the host stores. */
    public static final int MAX_ID_LENGTH = 64;

    private Fields() {
    }

    /**
     * Returns the value when it holds non-blank text.
     *
     * @param value the value to check
     * @param field the field's name, for the message
     * @return the value
     * @throws HostApiException when the value is null or blank
     */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new HostApiException("Field '" + field + "' cannot be empty");
        }
        return value;
    }

    /**
     * Returns the value when it is an identifier: lower-case letters and digits, in parts joined by
     * '.' or '-', starting with a letter, at most {@link #MAX_ID_LENGTH} characters.
     *
     * @param value the value to check
     * @param field the field's name, for the message
     * @return the value
     * @throws HostApiException when the value is not such an identifier
     */
    public static String requireId(String value, String field) {
        requireText(value, field);
        if (value.length() > MAX_ID_LENGTH || !ID.matcher(value).matches()) {
            throw new HostApiException("Field '" + field + "' must be lower-case letters and digits in parts"
                    + " joined by '.' or '-', starting with a letter, at most " + MAX_ID_LENGTH
                    + " characters; got '" + value + "'");
        }
        return value;
    }

    /**
     * Returns the value, or the empty string when it is null.
     *
     * @param value the value
     * @return the value, never null
     */
    public static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /**
     * Returns an unmodifiable copy of the list, failing on a null list or element.
     *
     * @param <T> the element type
     * @param values the list to copy
     * @param field the field's name, for the message
     * @return an unmodifiable copy
     * @throws HostApiException when the list or one of its elements is null
     */
    public static <T> List<T> copyOf(Collection<? extends T> values, String field) {
        if (values == null) {
            throw new HostApiException("Field '" + field + "' cannot be null");
        }
        for (T value : values) {
            if (value == null) {
                throw new HostApiException("Field '" + field + "' cannot hold a null element");
            }
        }
        return List.copyOf(values);
    }

    /**
     * Returns an unmodifiable copy of a list of non-blank texts.
     *
     * @param values the texts
     * @param field the field's name, for the message
     * @return an unmodifiable copy
     * @throws HostApiException when the list is null or holds a blank text
     */
    public static List<String> copyOfTexts(Collection<String> values, String field) {
        List<String> copy = copyOf(values, field);
        for (String value : copy) {
            requireText(value, field + "[]");
        }
        return copy;
    }
}
