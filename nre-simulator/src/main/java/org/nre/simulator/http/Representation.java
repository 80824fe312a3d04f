package org.nre.simulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nre.simulator.store.Registration;
import org.nre.simulator.store.Terms;

/** The contract's JSON representations of what the registry holds. */
final class Representation {

    private Representation() {
    }

    static Map<String, Object> registration(Registration r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.id());
        body.put("districtId", r.districtId());
        body.put("clientReference", r.clientReference().isEmpty() ? null : r.clientReference());
        body.put("state", r.state().name());
        body.put("reason", r.reason().isEmpty() ? null : r.reason());
        body.put("termsVersion", r.termsVersion());
        Map<String, Object> by = new LinkedHashMap<>();
        by.put("id", r.registeredById().isEmpty() ? null : r.registeredById());
        by.put("name", r.registeredBy());
        body.put("registeredBy", by);
        body.put("applicationName", r.applicationName());
        body.put("sourceAddress", r.sourceAddress());
        body.put("createdAt", r.createdAt().toString());
        body.put("updatedAt", r.updatedAt().toString());
        return body;
    }

    static Map<String, Object> terms(Terms terms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", terms.version());
        body.put("effectiveDate", terms.effectiveDate().toString());
        body.put("digest", terms.digest());
        body.put("text", terms.text());
        return body;
    }
}
