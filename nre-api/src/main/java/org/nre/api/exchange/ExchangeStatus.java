package org.nre.api.exchange;

import org.nre.hostapi.Fields;

/**
 * Whether records can be exchanged for the district, and why not.
 *
 * @param exchange the exchange's name, such as "National Records Exchange"
 * @param active true only when the registration is verified and authorized
 * @param state the registration's state, such as {@code ACTIVE}, {@code PENDING} or {@code NOT_REGISTERED}
 * @param detail a sentence for people, such as why a registration was suspended
 */
public record ExchangeStatus(String exchange, boolean active, String state, String detail) {

    /** Checks the fields. */
    public ExchangeStatus {
        Fields.requireText(exchange, "exchange");
        Fields.requireText(state, "state");
        detail = Fields.orEmpty(detail);
    }
}
