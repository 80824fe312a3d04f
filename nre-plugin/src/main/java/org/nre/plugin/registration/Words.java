package org.nre.plugin.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What district staff read: states, times with their time zone, and the messages the actions share. */
public final class Words {

    static final String NO_DISTRICT = "This console has no school district set up, so it cannot register. "
            + "Ask the console administrator to set up the district.";
    /** Why nothing that needs the router can be done while it is not configured. */
    public static final String NOT_CONFIGURED = "The router is not configured yet: a console administrator sets its "
            + "address, the district key and the shared secret under National Records Exchange Settings.";
    /** How every message of a request that never left the console begins. */
    public static final String NOTHING_SENT = "Nothing was sent; try again when the router is back.";
    /** The message of a request that could not be sent because the router is not configured. */
    static final String NOTHING_SENT_NOT_CONFIGURED = "Nothing was sent. " + NOT_CONFIGURED;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm zzz", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    private final ZoneId zone;

    public Words(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** A time as staff read it, with its time zone: {@code 11/28/2026 13:04 CST}. */
    public String time(Instant instant) {
        return instant == null ? "never" : TIME.format(instant.atZone(zone));
    }

    /** A day as staff read it: {@code 01/15/2027}. */
    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String describe(RegistrationState state) {
        return switch (state) {
            case NOT_REGISTERED -> "not registered";
            case PENDING -> "registered and pending the vendor's verification";
            case ACTIVE -> "registered and Active";
            case REJECTED -> "rejected by the vendor";
            case SUSPENDED -> "suspended by the vendor";
            case DEREGISTERED -> "deregistered";
            case UNKNOWN -> "awaiting the router's answer to its registration";
        };
    }

    static String alreadyRegistered(Registration registration) {
        return switch (registration.state()) {
            case UNKNOWN -> "A registration for the district is already on its way to the router; its outcome "
                    + "will show here. Nothing more was sent.";
            case PENDING -> "The district is already registered and awaiting the vendor's verification. Nothing "
                    + "more was sent.";
            case ACTIVE -> "The district is already registered and Active. Nothing more was sent.";
            case SUSPENDED -> "The district is registered; the vendor has suspended the exchange. Nothing more was "
                    + "sent.";
            default -> "The district's registration changed meanwhile. Reload the page.";
        };
    }

    /** What a state the router reports means, said when the console first learns it of a registration it sent. */
    static String outcome(RegistrationState state) {
        return switch (state) {
            case PENDING -> "it awaits the vendor's verification";
            case ACTIVE -> "the vendor approved it at once: the exchange is Active";
            case REJECTED -> "the vendor has already rejected it";
            case SUSPENDED -> "the vendor has suspended it";
            case DEREGISTERED -> "it has already been withdrawn";
            default -> "it is " + describe(state);
        };
    }

    static String vendorReference(String routerId) {
        return "the vendor's reference " + routerId;
    }

    /** The text as a sentence: a capital first letter and a full stop. */
    public static String sentence(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return "";
        }
        String capital = Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
        return capital.endsWith(".") ? capital : capital + ".";
    }
}
