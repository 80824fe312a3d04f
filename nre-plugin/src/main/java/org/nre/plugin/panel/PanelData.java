package org.nre.plugin.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.locality.SentLocality;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.Words;
import org.nre.plugin.status.RouterHealth;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;

/**
 * The panel's facts for programs: states as their enum names, times in ISO-8601 (UTC), counts as numbers.
 * docs/console-api.md lists every member.
 */
final class PanelData {

    private final Words words;

    PanelData(Words words) {
        this.words = words;
    }

    Map<String, Object> of(RegistrationView.State state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("state", state.registrationState().name());
        data.put("exchangeActive", state.registrationState().exchangeActive());
        data.put("timeZone", words.zone().getId());
        state.district().ifPresent(d -> data.put("districtId", d.id()));
        state.reads().current().ifPresent(r -> data.put("registration", registration(r, state)));
        data.put("router", router(state));
        state.terms().ifPresent(t -> data.put("terms", terms(t, state)));
        List<Object> accepted = new ArrayList<>();
        for (TermsAcceptance a : state.reads().acceptances()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("version", a.termsVersion());
            item.put("digest", a.termsDigest());
            put(item, "effectiveDate", effective(state, a));
            item.put("acceptedBy", person(a.acceptedById(), a.acceptedByName()));
            item.put("acceptedAt", a.acceptedAt().toString());
            item.put("from", a.remoteAddress());
            put(item, "sentAt", a.refused() ? null : a.sentAt());
            if (a.refused()) {
                item.put("refusedReason", a.refusedReason());
            }
            accepted.add(item);
        }
        data.put("acceptedTerms", accepted);
        state.district().ifPresent(d -> data.put("locality", locality(Locality.of(d), state)));
        List<Object> past = new ArrayList<>();
        for (Registration r : state.reads().past()) {
            past.add(registration(r, state));
        }
        data.put("earlierRegistrations", past);
        List<Object> history = new ArrayList<>();
        for (HistoryEntry h : state.reads().history()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", h.at().toString());
            item.put("by", person(h.actorId(), h.actorName()));
            item.put("from", h.remoteAddress());
            item.put("action", h.action());
            put(item, "fromState", h.fromState() == null ? null : h.fromState().name());
            put(item, "toState", h.toState() == null ? null : h.toState().name());
            put(item, "delivery", h.delivery() == null ? null : h.delivery().name());
            item.put("detail", h.detail());
            history.add(item);
        }
        data.put("history", history);
        return data;
    }

    private static Map<String, Object> registration(Registration r, RegistrationView.State state) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("state", r.state().name());
        put(item, "reason", r.stateReason().isBlank() ? null : r.stateReason());
        put(item, "vendorReference", r.hasRouterId() ? r.routerRegistrationId() : null);
        item.put("registeredBy", person(r.registeredById(), r.registeredByName()));
        item.put("registeredAt", r.registeredAt().toString());
        item.put("applicationName", r.applicationName());
        item.put("sourceAddress", r.sourceAddress());
        item.put("termsVersion", r.termsVersion());
        item.put("sending", r.sending(state.now()));
        put(item, "lastRouterContact", r.lastRouterContact());
        item.put("updatedAt", r.updatedAt().toString());
        return item;
    }

    private static Map<String, Object> router(RegistrationView.State state) {
        RouterHealth health = state.reads().health();
        Map<String, Object> router = new LinkedHashMap<>();
        router.put("configured", state.reads().routerConfigured());
        router.put("reachable", health.reachable());
        put(router, "lastContact", health.lastContact());
        put(router, "unreachableSince", health.unreachableSince());
        put(router, "lastError", health.lastError().isBlank() ? null : health.lastError());
        put(router, "pausedUntil", state.routerPausedUntil().orElse(null));
        router.put("pollIntervalSeconds", state.pollInterval().toSeconds());
        return router;
    }

    private static Map<String, Object> terms(Terms terms, RegistrationView.State state) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("version", terms.version());
        item.put("effectiveDate", terms.effectiveDate().toString());
        item.put("digest", terms.digest());
        item.put("toAccept", state.termsToAccept());
        return item;
    }

    private static Map<String, Object> locality(Locality locality, RegistrationView.State state) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("students", locality.students());
        item.put("cutOffPercent", Locality.CUT_OFF_PERCENT);
        item.put("threshold", locality.threshold());
        item.put("cities", places(locality.cities(), locality));
        item.put("postalCodes", places(locality.postalCodes(), locality));
        item.put("sent", locality.json());
        item.put("digest", locality.digest());
        state.reads().current().filter(r -> r.localitySentAt() != null).ifPresent(r -> {
            SentLocality last = SentLocality.parse(r.localitySent());
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("at", r.localitySentAt().toString());
            sent.put("cities", last.cities());
            sent.put("postalCodes", last.postalCodes());
            item.put("lastSent", sent);
            item.put("changedSinceSent", !last.sameAs(locality));
        });
        return item;
    }

    private static List<Object> places(List<Locality.Place> places, Locality locality) {
        List<Object> items = new ArrayList<>();
        for (Locality.Place place : places) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", place.name());
            item.put("students", place.students());
            item.put("share", locality.share(place));
            item.put("sent", place.sent());
            items.add(item);
        }
        return items;
    }

    private static LocalDate effective(RegistrationView.State state, TermsAcceptance a) {
        Terms text = state.reads().acceptedTexts().get(PanelCache.Reads.key(a.termsVersion(), a.termsDigest()));
        return text == null ? null : text.effectiveDate();
    }

    private static Map<String, Object> person(String id, String name) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("id", id);
        person.put("name", name);
        return person;
    }

    /** Leaves out what has no value: the host's data holds no nulls. */
    private static void put(Map<String, Object> map, String key, Object value) {
        if (value instanceof Instant || value instanceof LocalDate) {
            map.put(key, value.toString());
        } else if (value != null) {
            map.put(key, value);
        }
    }
}
