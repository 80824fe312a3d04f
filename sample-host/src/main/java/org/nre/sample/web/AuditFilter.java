package org.nre.sample.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostkit.audit.AuditQuery;

/**
 * The audit log's filter as the page's form and the API take it (actor, action, outcome, from, to, limit, and a
 * cursor: before or after), checked parameter by parameter. Times without an offset are in the console's zone.
 *
 * @param actor the actor as typed
 * @param action the action codes as given
 * @param outcome the outcome as given
 * @param from the start as typed
 * @param to the end as typed
 * @param query the query, or null when a parameter is wrong
 * @param errors what is wrong, by parameter; empty when nothing is
 */
public record AuditFilter(String actor, List<String> action, String outcome, String from, String to, AuditQuery query,
                   Map<String, String> errors) {

    static final int DEFAULT_LIMIT = 100;
    static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public AuditFilter {
        action = List.copyOf(action);
        errors = Map.copyOf(errors);
    }

    static AuditFilter read(Context ctx, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        String actor = text(ctx, "actor");
        if (actor.length() > 200) {
            errors.put("actor", "'actor' is the start of a name, at most 200 characters; this one has "
                    + actor.length() + ".");
        }
        List<String> actions = new ArrayList<>();
        for (String value : ctx.queryParams("action")) {
            Arrays.stream(value.split(",")).map(String::strip).filter(code -> !code.isEmpty()).forEach(actions::add);
        }
        if (actions.stream().anyMatch(code -> code.length() > 100)) {
            errors.put("action", "'action' takes action codes of at most 100 characters, such as signin.failed.");
        }
        String outcomeText = text(ctx, "outcome");
        Set<AuditOutcome> outcomes = new LinkedHashSet<>();
        for (String value : outcomeText.split(",")) {
            if (value.isBlank()) {
                continue;
            }
            try {
                outcomes.add(AuditOutcome.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.put("outcome", "'outcome' must be one of " + Arrays.stream(AuditOutcome.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + shown(value.strip()) + "'.");
            }
        }
        String fromText = text(ctx, "from");
        String toText = text(ctx, "to");
        Instant from = time(fromText, "from", zone, errors);
        Instant to = time(toText, "to", zone, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.put("from", "'from' (" + fromText + ") must be before 'to' (" + toText + "): the log is shown "
                    + "from the first time up to the second.");
        }
        int limit = DEFAULT_LIMIT;
        String limitText = text(ctx, "limit");
        if (!limitText.isEmpty()) {
            try {
                limit = Math.min(AuditQuery.MAX_PAGE_SIZE, Integer.parseInt(limitText));
                if (limit < 1) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                errors.put("limit", "'limit' must be a whole number from 1 to " + AuditQuery.MAX_PAGE_SIZE
                        + " (larger ones are taken as " + AuditQuery.MAX_PAGE_SIZE + "), not '" + shown(limitText)
                        + "'.");
            }
        }
        AuditQuery.Cursor cursor = AuditQuery.Cursor.newest();
        String before = text(ctx, "before");
        String after = text(ctx, "after");
        if (!before.isEmpty() && !after.isEmpty()) {
            errors.put("before", "Give 'before' (older entries) or 'after' (newer entries), not both.");
        } else if (!before.isEmpty() || !after.isEmpty()) {
            String name = before.isEmpty() ? "after" : "before";
            try {
                cursor = AuditQuery.Cursor.parse(before.isEmpty() ? AuditQuery.Cursor.Direction.NEWER
                        : AuditQuery.Cursor.Direction.OLDER, before.isEmpty() ? after : before);
            } catch (IllegalArgumentException e) {
                errors.put(name, "'" + name + "': " + e.getMessage() + ".");
            }
        }
        AuditQuery query = errors.isEmpty() ? new AuditQuery(actor, Set.copyOf(actions), outcomes, from, to, limit,
                cursor) : null;
        return new AuditFilter(actor, actions, outcomeText.strip().toUpperCase(Locale.ROOT), fromText, toText, query,
                errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The filter's parameters for a link (a page beside this one, the export), without a cursor. */
    public String parameters() {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", actor);
        action.forEach(code -> add(parts, "action", code));
        add(parts, "outcome", outcome);
        add(parts, "from", from);
        add(parts, "to", to);
        return String.join("&", parts);
    }

    /** A link to this filter's page at a cursor. */
    public String link(String path, AuditQuery.Cursor cursor) {
        String filter = parameters();
        String place = (cursor.direction() == AuditQuery.Cursor.Direction.NEWER ? "after=" : "before=")
                + cursor.token();
        return path + "?" + (filter.isEmpty() ? place : filter + "&" + place);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** A time as the form gives it (2026-12-01T08:30), with seconds, a date alone, or with an offset. */
    private static Instant time(String text, String name, ZoneId zone, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            errors.put(name, "'" + name + "' must be a date and time such as 2026-12-01T08:30 (in " + zone.getId()
                    + ") or 2026-12-01T14:30:00Z, not '" + shown(text) + "'.");
            return null;
        }
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
