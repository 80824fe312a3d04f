package org.nre.plugin.registration;

import java.time.Instant;
import java.util.function.Supplier;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.terms.TermsService;

/**
 * What the parts of the lifecycle share.
 *
 * @param records where registrations and history are stored
 * @param terms the Terms of Service
 * @param router the router's client as configured
 * @param districts the console's district
 * @param host the console's name and address
 * @param words how times and states are said
 * @param keys new idempotency keys and references, one per call
 */
record LifecycleParts(Records records, TermsService terms, RouterConnection router, DistrictDirectory districts,
                      HostInfo host, Words words, Supplier<String> keys) {

    RegistrationStore store() {
        return records.store();
    }

    Instant now() {
        return records.clock().instant();
    }
}
