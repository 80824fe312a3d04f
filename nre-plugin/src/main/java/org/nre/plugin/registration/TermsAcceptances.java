package org.nre.plugin.registration;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.terms.TermsStore;

/**
 * Accepts terms the vendor published after the district registered, and sends every acceptance made for the
 * registration the router holds until the router has it. An acceptance is recorded before it is sent, so that
 * it is kept while the router is down; acceptances made for an attempt that never became a registration are
 * never sent.
 */
final class TermsAcceptances {

    private final LifecycleParts parts;

    TermsAcceptances(LifecycleParts parts) {
        this.parts = parts;
    }

    ActionResult acceptUpdated(ActingUser user, boolean accepted, String seenTermsVersion) {
        Optional<District> district = parts.districts().current();
        if (district.isEmpty()) {
            return ActionResult.conflict(Words.NO_DISTRICT);
        }
        if (!accepted) {
            return ActionResult.invalid("Accepting needs the box ticked.", new FieldError(Lifecycle.ACCEPT_TERMS,
                    "Tick \"I have read and agree to the Terms of Service\" to accept them."));
        }
        Optional<Registration> registration = parts.store().current(district.get().id());
        Optional<Terms> current = parts.terms().current();
        if (registration.isEmpty() || !registration.get().followed()) {
            return ActionResult.conflict("There are no updated terms to accept: the district is "
                    + registration.map(r -> Words.describe(r.state())).orElse("not registered")
                    + ". Registering accepts the current terms.");
        }
        if (current.isEmpty()) {
            return ActionResult.conflict("There are no terms to accept yet: they have not been fetched from the "
                    + "router.");
        }
        Terms accepting = current.get();
        if (!accepting.version().equals(seenTermsVersion)) {
            return ActionResult.conflict("The Terms of Service are now version " + accepting.version()
                    + ", not the version on the page you submitted. Read them and accept them again.");
        }
        if (accepted(registration.get(), accepting)) {
            return ActionResult.conflict("Version " + accepting.version() + " of the Terms of Service is already "
                    + "accepted. Nothing more was recorded or sent.");
        }
        Instant now = parts.now();
        TermsAcceptance acceptance = new TermsAcceptance(0, district.get().id(), accepting.version(),
                accepting.digest(), user.id(), user.displayName(), now, user.remoteAddress(), parts.keys().get(), null,
                registration.get().id(), "");
        parts.records().sql().inTransaction(connection -> {
            TermsStore.accept(connection, acceptance);
            RegistrationStore.record(connection, district.get().id(), parts.records().entry(user, "accept-terms",
                    registration.get().id(), null, null, "Accepted the Terms of Service version "
                            + accepting.version() + ".", null, null));
            return null;
        });
        parts.records().audit(user, "nre.accept-terms", "Accepted the Terms of Service version " + accepting.version());
        Optional<RouterClient> client = parts.router().client();
        if (client.isEmpty()) {
            return ActionResult.success("Your acceptance of version " + accepting.version() + " is recorded. "
                    + "Nothing was sent yet. " + Words.NOT_CONFIGURED + " The console sends it once the router is "
                    + "configured.");
        }
        RouterResult<RouterRegistration> answer = sendUnsent(user, client.get(), registration.get(),
                Urgency.INTERACTIVE);
        if (answer instanceof RouterResult.Ok) {
            return ActionResult.success("Accepted the Terms of Service version " + accepting.version()
                    + " and sent the acceptance to the router.");
        }
        if (answer instanceof RouterResult.Refused || answer instanceof RouterResult.Conflict) {
            return ActionResult.conflict("Your acceptance of version " + accepting.version() + " is recorded, but "
                    + "the router refused it: " + answer.message());
        }
        String why = answer instanceof RouterResult.NotSent ? "Nothing was sent yet. "
                : answer.uncertain() ? "It may not have reached the router: " : "The router would not take it now: ";
        return ActionResult.success("Your acceptance of version " + accepting.version() + " is recorded. " + why
                + answer.message() + " The console sends it as soon as the router answers.");
    }

    /**
     * Whether the district accepted these terms (version and text) for the registration: with it, or since,
     * and the router did not refuse that acceptance.
     */
    boolean accepted(Registration registration, Terms terms) {
        var own = parts.terms().store().acceptances(registration.districtId()).stream()
                .filter(a -> registration.id().equals(a.registrationId())).toList();
        if (own.isEmpty()) {
            // A registration the console follows but did not make: the router holds which terms it accepted.
            return registration.termsVersion().equals(terms.version());
        }
        return own.stream().filter(a -> !a.refused())
                .anyMatch(a -> a.termsVersion().equals(terms.version()) && a.termsDigest().equals(terms.digest()));
    }

    /**
     * Sends the registration's acceptances the router has not received, oldest first, until one fails.
     *
     * @return the answer to the last one sent, or an {@link RouterResult.Ok} when none was waiting
     */
    RouterResult<RouterRegistration> sendUnsent(ActingUser user, RouterClient client, Registration registration,
                                                Urgency urgency) {
        RouterResult<RouterRegistration> last = new RouterResult.Ok<>(null);
        for (TermsAcceptance acceptance : parts.terms().store().unsent(registration.id())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", acceptance.termsVersion());
            body.put("digest", acceptance.termsDigest());
            body.put("acceptedBy", Map.of("id", acceptance.acceptedById(), "name", acceptance.acceptedByName()));
            body.put("acceptedAt", acceptance.acceptedAt().toString());
            last = client.acceptTerms(registration.routerRegistrationId(), body, acceptance.idempotencyKey(), urgency);
            String version = "the Terms of Service version " + acceptance.termsVersion();
            if (last instanceof RouterResult.Ok) {
                parts.terms().store().markSent(acceptance.id(), parts.now());
                parts.records().note(user, registration.districtId(), registration.id(), "accept-terms",
                        "Sent the acceptance of " + version + "; the router received it.", Delivery.RECEIVED,
                        acceptance.idempotencyKey());
            } else if (last instanceof RouterResult.Refused || last instanceof RouterResult.Conflict
                    || last instanceof RouterResult.NotFound) {
                // The router will not take it as it is (say, newer terms came out): it is settled, not sent again.
                parts.terms().store().markRefused(acceptance.id(), parts.now(), last.message());
                parts.records().note(user, registration.districtId(), registration.id(), "accept-terms",
                        "The router refused the acceptance of " + version + ": " + last.message(),
                        Delivery.RECEIVED, acceptance.idempotencyKey());
            } else {
                if (urgency == Urgency.INTERACTIVE) {
                    parts.records().note(user, registration.districtId(), registration.id(), "accept-terms",
                            (last instanceof RouterResult.NotSent ? "Nothing was sent. " + last.message()
                                    : last.uncertain() ? "The acceptance of " + version + " may have reached the "
                                    + "router, but its answer was lost: " + last.message()
                                    : "The router did not take the acceptance of " + version + ": " + last.message())
                                    + " The console will send it again.",
                            last instanceof RouterResult.NotSent ? Delivery.NOT_SENT
                                    : last.uncertain() ? Delivery.UNCERTAIN : Delivery.RECEIVED,
                            acceptance.idempotencyKey());
                }
                break;
            }
        }
        return last;
    }
}
