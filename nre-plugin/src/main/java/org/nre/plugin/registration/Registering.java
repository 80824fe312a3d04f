package org.nre.plugin.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.district.District;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.locality.SentLocality;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.terms.TermsService;
import org.nre.plugin.terms.TermsStore;

/**
 * Registers the district: stores the registration and its idempotency key before sending it, sends it once,
 * and records what the router's answer makes true. A request that never left the console moves nothing; one
 * whose answer was lost is settled by its own reference.
 */
final class Registering {

    private final LifecycleParts parts;
    private final Settling settling;
    private final Duration sendingWindow;

    Registering(LifecycleParts parts, Settling settling, Duration sendingWindow) {
        this.parts = parts;
        this.settling = settling;
        this.sendingWindow = sendingWindow;
    }

    ActionResult register(ActingUser user, boolean accepted, String seenTermsVersion, String seenLocality) {
        Optional<District> found = parts.districts().current();
        if (found.isEmpty()) {
            return ActionResult.conflict(Words.NO_DISTRICT);
        }
        District district = found.get();
        if (!accepted) {
            return ActionResult.invalid("Registration needs the Terms of Service accepted.",
                    new FieldError(Lifecycle.ACCEPT_TERMS,
                            "Tick \"I have read and agree to the Terms of Service\" before registering."));
        }
        Optional<Registration> before = parts.store().current(district.id());
        if (before.isPresent() && before.get().live()) {
            return ActionResult.conflict(Words.alreadyRegistered(before.get()));
        }
        Optional<RouterClient> client = parts.router().client();
        if (client.isEmpty()) {
            parts.records().note(user, district.id(), null, "register", "Asked to register; nothing was sent. "
                    + Words.NOT_CONFIGURED + " " + stillSo(before), Delivery.NOT_SENT, null);
            return ActionResult.unavailable(Words.NOTHING_SENT_NOT_CONFIGURED);
        }
        Optional<Terms> current = parts.terms().current();
        if (current.isEmpty()) {
            TermsService.Fetch fetched = parts.terms().refresh(client.get(), Urgency.INTERACTIVE);
            current = parts.terms().current();
            if (current.isEmpty()) {
                return notSent(user, district, "The Terms of Service could not be fetched from the router, and "
                        + "registering needs them. " + fetched.answer().message());
            }
        }
        Terms accepting = current.get();
        if (seenTermsVersion == null || !seenTermsVersion.equals(accepting.version())) {
            return ActionResult.conflict("The Terms of Service are now version " + accepting.version()
                    + ", not the version on the page you submitted. Read them and accept them again.");
        }
        Locality locality = Locality.of(district);
        if (!seenLocality.isEmpty() && !seenLocality.equals(locality.digest())) {
            return ActionResult.conflict("The district's locality changed since the page was shown, and "
                    + "registering sends it. Review the Locality section and register again.");
        }
        Optional<Instant> paused = client.get().circuitOpenUntil();
        if (paused.isPresent()) {
            return notSent(user, district, "The router failed several times in a row, so the console has paused "
                    + "calls to it until " + parts.words().time(paused.get()) + ".");
        }
        return send(user, district, before, client.get(), accepting, locality);
    }

    private ActionResult send(ActingUser user, District district, Optional<Registration> before, RouterClient client,
                              Terms accepting, Locality locality) {
        Instant now = parts.now();
        String localityJson = SentLocality.of(locality).json();
        Registration attempt = new Registration(parts.keys().get(), district.id(), 0, RegistrationState.UNKNOWN, "",
                parts.host().applicationName(), parts.host().serverAddress(), user.id(), user.displayName(), now,
                accepting.version(), "", parts.keys().get(), now.plus(sendingWindow), null, localityJson, null, 0, now);
        boolean stored = parts.records().sql().inTransaction(connection -> {
            if (!RegistrationStore.insert(connection, attempt)) {
                return false;
            }
            TermsStore.accept(connection, new TermsAcceptance(0, district.id(), accepting.version(),
                    accepting.digest(), user.id(), user.displayName(), now, user.remoteAddress(),
                    attempt.idempotencyKey(), null, attempt.id(), ""));
            RegistrationStore.record(connection, district.id(), parts.records().entry(user, "register", attempt.id(),
                    before.map(Registration::state).orElse(RegistrationState.NOT_REGISTERED),
                    RegistrationState.UNKNOWN, "Accepted the Terms of Service version " + accepting.version()
                            + " and asked to register the district.", null, null));
            return true;
        });
        if (!stored) {
            return ActionResult.conflict(parts.store().current(district.id()).filter(Registration::live)
                    .map(Words::alreadyRegistered)
                    .orElse("Another registration for the district was started at the same moment. Reload the page."));
        }
        parts.records().audit(user, "nre.register", "Asked to register the district with the National Records "
                + "Exchange");
        RouterResult<RouterRegistration> answer = client.register(request(district, user, accepting, now, attempt,
                locality), attempt.idempotencyKey());
        return answered(user, attempt, before, answer);
    }

    private ActionResult answered(ActingUser user, Registration attempt, Optional<Registration> before,
                                  RouterResult<RouterRegistration> answer) {
        Registration sent = parts.store().find(attempt.id()).orElseThrow();
        if (answer instanceof RouterResult.Ok<RouterRegistration> ok && !answersFor(ok.value(), attempt)) {
            answer = new RouterResult.Malformed<>("The router answered about another registration ("
                    + Words.vendorReference(ok.value().id()) + ").");
        }
        if (answer instanceof RouterResult.Ok<RouterRegistration> ok) {
            RegistrationState state = Lifecycle.state(ok.value().state());
            settling.received(user, sent, ok.value(), "register", "Sent the registration; the router received it ("
                    + Words.vendorReference(ok.value().id()) + ") and " + Words.outcome(state) + ".");
            return ActionResult.success(state == RegistrationState.ACTIVE
                    ? "Registered with the National Records Exchange, and the vendor approved it at once: the "
                            + "exchange is Active."
                    : "Registered with the National Records Exchange. The vendor will now verify and authorize the "
                            + "district; until then the exchange status is Inactive (pending verification).");
        }
        if (answer instanceof RouterResult.Conflict<RouterRegistration> conflict) {
            return followExisting(user, sent, conflict.existing());
        }
        if (answer.nothingDone()) {
            boolean neverLeft = answer instanceof RouterResult.NotSent;
            String said = neverLeft
                    ? "Nothing was sent. " + answer.message()
                    : "The router did not take the registration: " + answer.message() + " Nothing was registered.";
            parts.records().move(user, sent, sent.moved(RegistrationState.NOT_REGISTERED, "", null, parts.now()),
                    "register", said + " " + stillSo(before), neverLeft ? Delivery.NOT_SENT : Delivery.RECEIVED,
                    sent.idempotencyKey(), Records.Also.NOTHING);
            return ActionResult.unavailable(neverLeft ? Words.NOTHING_SENT + " " + answer.message()
                    : answer.message() + " Nothing was registered; you can try again.");
        }
        // Lost or malformed: the router may hold the registration. Settle it by its own reference, never by
        // sending it again.
        parts.records().move(user, sent, sent.sent(), "register", "The registration may have reached the router, "
                + "but its answer was lost: " + answer.message() + " The console will look it up by its own "
                + "reference and will not send it again.", Delivery.UNCERTAIN, sent.idempotencyKey(),
                Records.Also.NOTHING);
        Lifecycle.Check settled = settling.settle(user, Urgency.INTERACTIVE).outcome();
        Registration now = parts.store().find(attempt.id()).orElseThrow();
        if (settled == Lifecycle.Check.DONE && now.state() == RegistrationState.NOT_REGISTERED) {
            return ActionResult.unavailable(answer.message() + " Looking the registration up at the router shows it "
                    + "holds nothing under the registration's reference: it never arrived, or the router refused it. "
                    + "Nothing was registered; you can try again.");
        }
        if (settled == Lifecycle.Check.DONE && now.state() != RegistrationState.UNKNOWN) {
            return ActionResult.success("The router's first answer was lost, but looking the registration up shows "
                    + "it arrived: the district is " + Words.describe(now.state()) + ".");
        }
        return ActionResult.unavailable(answer.message() + " The registration may or may not have reached the "
                + "router; the console will look it up by its own reference and settle it, and will not send it "
                + "again. The status shows the outcome.");
    }

    /**
     * The router holds a live registration of the district that this console did not just make: nothing new was
     * registered, and the console follows the router's, as the router holds it.
     */
    private ActionResult followExisting(ActingUser user, Registration sent, RouterRegistration existing) {
        Instant now = parts.now();
        RegistrationState state = Lifecycle.state(existing.state());
        String who = existing.registeredByName().isEmpty() ? "" : ", registered by " + existing.registeredByName()
                + (existing.createdAt() == null ? "" : " at " + parts.words().time(existing.createdAt()));
        String held = Words.vendorReference(existing.id()) + who + "; " + Words.describe(state);
        Registration followed = new Registration(parts.keys().get(), sent.districtId(), 0, state, existing.reason(),
                existing.applicationName().isEmpty() ? sent.applicationName() : existing.applicationName(),
                existing.sourceAddress().isEmpty() ? sent.sourceAddress() : existing.sourceAddress(),
                existing.registeredById(), existing.registeredByName().isEmpty() ? "(unknown)"
                        : existing.registeredByName(), existing.createdAt() == null ? now : existing.createdAt(),
                existing.termsVersion().isEmpty() ? sent.termsVersion() : existing.termsVersion(), existing.id(),
                parts.keys().get(), null, now, "", null, 0, now);
        boolean[] inserted = new boolean[1];
        boolean adopted = existing.live() && parts.records().move(user, sent,
                sent.moved(RegistrationState.NOT_REGISTERED, "", null, now), "register",
                "The router answered that the district already has a registration (" + held + "); it registered "
                        + "nothing new. The console now follows that registration.", Delivery.RECEIVED,
                sent.idempotencyKey(), connection -> inserted[0] = RegistrationStore.insert(connection, followed))
                && inserted[0];
        if (!adopted && parts.store().find(sent.id()).filter(r -> r.state() == RegistrationState.UNKNOWN).isPresent()) {
            parts.records().move(user, sent, sent.moved(RegistrationState.NOT_REGISTERED, "", null, now), "register",
                    "The router answered that the district already has a registration (" + held + "); it "
                            + "registered nothing new.", Delivery.RECEIVED, sent.idempotencyKey(), Records.Also.NOTHING);
        }
        return ActionResult.conflict("The router already holds a registration for this district (" + held
                + "). Nothing new was registered" + (adopted ? "; the console now follows that registration." : "."));
    }

    private ActionResult notSent(ActingUser user, District district, String why) {
        parts.records().note(user, district.id(), null, "register", "Asked to register; nothing was sent. " + why
                + " " + stillSo(parts.store().current(district.id())), Delivery.NOT_SENT, null);
        return ActionResult.unavailable(Words.NOTHING_SENT + " " + why);
    }

    private static String stillSo(Optional<Registration> before) {
        return "The district is still " + before.map(r -> Words.describe(r.state())).orElse("not registered") + ".";
    }

    private static boolean answersFor(RouterRegistration reported, Registration attempt) {
        return reported.districtId().equals(attempt.districtId())
                && (reported.clientReference().isEmpty() || reported.clientReference().equals(attempt.id()));
    }

    private Map<String, Object> request(District district, ActingUser user, Terms accepted, Instant acceptedAt,
                                        Registration attempt, Locality locality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtId", district.id());
        body.put("districtName", district.name());
        body.put("state", district.state());
        body.put("clientReference", attempt.id());
        body.put("applicationName", parts.host().applicationName());
        body.put("sourceAddress", parts.host().serverAddress());
        body.put("registeredBy", Map.of("id", user.id(), "name", user.displayName()));
        Map<String, Object> termsPart = new LinkedHashMap<>();
        termsPart.put("version", accepted.version());
        termsPart.put("digest", accepted.digest());
        termsPart.put("acceptedAt", acceptedAt.toString());
        body.put("terms", termsPart);
        body.put("locality", locality.json());
        return body;
    }
}
