package org.nre.hostapi.panel;

import org.nre.hostapi.Fields;

/**
 * What is wrong with one submitted field.
 *
 * @param field the input's name
 * @param message what is wrong and what is allowed
 */
public record FieldError(String field, String message) {

    /** Checks the fields. */
    public FieldError {
        Fields.requireText(field, "field");
        Fields.requireText(message, "message");
    }
}
