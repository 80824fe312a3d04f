package org.nre.simulator.vendor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.user.ActingUser;
import org.nre.simulator.store.SimulatorStore;

/** Publishes the vendor's new Terms of Service, with the notice the contract promises districts. */
final class TermsPublishing {

    static final int NOTICE_DAYS = 15;
    static final int MAX_TEXT = 100_000;
    static final String VERSION = "version";
    static final String EFFECTIVE = "effective";
    static final String TEXT = "text";

    private static final Pattern VERSION_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final SimulatorStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    TermsPublishing(SimulatorStore store, AuditLog audit, Clock clock, ZoneId zone) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The earliest effective date new terms may have: fifteen days from today in the console's time zone. */
    LocalDate earliestEffectiveDate() {
        return LocalDate.ofInstant(clock.instant(), zone).plusDays(NOTICE_DAYS);
    }

    ActionResult publish(ActionInput input, ActingUser user) {
        List<FieldError> errors = new ArrayList<>();
        String version = input.text(VERSION).orElse("");
        if (!VERSION_PATTERN.matcher(version).matches()) {
            errors.add(new FieldError(VERSION, "Give the new terms a version of 1 to 64 letters, digits, '.', '_' or "
                    + "'-', such as 2027-01."));
        } else if (store.termsVersionExists(version)) {
            errors.add(new FieldError(VERSION, "Version " + version + " is already published; give the new terms a "
                    + "new version."));
        }
        LocalDate earliest = earliestEffectiveDate();
        LocalDate effective = null;
        try {
            effective = LocalDate.parse(input.text(EFFECTIVE).orElse(""));
            if (effective.isBefore(earliest)) {
                errors.add(new FieldError(EFFECTIVE, "New terms take effect with at least " + NOTICE_DAYS
                        + " days' notice: choose " + earliest + " or later."));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(EFFECTIVE, "Give the effective date as YYYY-MM-DD."));
        }
        // The text is kept as typed, not trimmed: its digest is what districts accept.
        String text = input.values().getOrDefault(TEXT, "");
        if (text.isBlank() || text.length() > MAX_TEXT) {
            errors.add(new FieldError(TEXT, "Give the terms' text (at most 100,000 characters)."));
        }
        if (!errors.isEmpty()) {
            return new ActionResult.Invalid("The terms were not published: correct the fields marked.", errors);
        }
        store.publish(version, effective, text.replace("\r\n", "\n"));
        String sentence = "Played the vendor: published Terms of Service version " + version + ", effective "
                + effective;
        audit.record(user, "simulator.terms", sentence);
        return ActionResult.success(sentence + ". They are the current terms now; consoles see them at their next "
                + "status check.");
    }
}
