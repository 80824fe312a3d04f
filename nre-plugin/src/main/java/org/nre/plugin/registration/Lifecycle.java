package org.nre.plugin.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.district.District;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.locality.Locality;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterClient.Urgency;
import org.nre.plugin.router.RouterConnection;
import org.nre.plugin.router.RouterRegistration;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterTerms;
import org.nre.plugin.storage.Sql;
import org.nre.plugin.terms.Terms;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.terms.TermsService;
import org.nre.plugin.terms.TermsStore;

/**
 * The registration's lifecycle: register, settle, follow the vendor's verification, accept new terms,
 * resend the locality, deregister. The router is the source of truth; the plugin keeps a local record so that
 * the console never loses what the district did, and reconciles with the router. Every change is stored under
 * optimistic locking and written to the history before the user hears of it.
 */
public final class Lifecycle {

    /** The checkbox that accepts the Terms of Service. */
    public static final String ACCEPT_TERMS = "accept-terms";
    /** The hidden field that carries the terms version the user read. */
    public static final String SEEN_TERMS = "terms-version";
    /** How long a registration request may take, retries included, before its answer counts as lost. */
    public static final Duration SENDING_WINDOW = Duration.ofSeconds(60);

    static final Set<RegistrationState> REGISTERABLE =
            EnumSet.of(RegistrationState.NOT_REGISTERED, RegistrationState.REJECTED, RegistrationState.DEREGISTERED);
    static final Set<RegistrationState> FOLLOWED =
            EnumSet.of(RegistrationState.PENDING, RegistrationState.ACTIVE, RegistrationState.SUSPENDED);

    /** What one check with the router came to, for the poller's pace. */
    public enum Check { DONE, NOTHING_TO_DO, ROUTER_FAILED }

    private final RegistrationStore registrations;
    private final TermsService terms;
    private final RouterConnection router;
    private final DistrictDirectory districts;
    private final HostInfo host;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<String> keys;

    public Lifecycle(RegistrationStore registrations, TermsService terms, RouterConnection router,
                     DistrictDirectory districts, HostInfo host, AuditLog audit, Clock clock, Supplier<String> keys) {
        this.registrations = registrations;
        this.terms = terms;
        this.router = router;
        this.districts = districts;
        this.host = host;
        this.audit = audit;
        this.clock = clock;
        this.keys = keys;
    }

    // ---------------------------------------------------------------- register

    public ActionResult register(ActingUser user, boolean accepted, String seenTermsVersion) {
        Optional<District> district = districts.current();
        if (district.isEmpty()) {
            return ActionResult.conflict(NO_DISTRICT);
        }
        if (!accepted) {
            return ActionResult.invalid("Registration needs the Terms of Service accepted.", new FieldError(ACCEPT_TERMS,
                    "Tick \"I have read and agree to the Terms of Service\" before registering."));
        }
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            return ActionResult.unavailable(NOT_CONFIGURED);
        }
        Optional<Terms> current = terms.current();
        if (current.isEmpty()) {
            RouterResult<RouterTerms> fetched = terms.refresh(client.get(), Urgency.INTERACTIVE);
            current = terms.current();
            if (current.isEmpty()) {
                return ActionResult.unavailable("The Terms of Service could not be fetched from the router, and "
                        + "registering needs them. " + fetched.message() + " Nothing was registered.");
            }
        }
        Terms accepting = current.get();
        if (seenTermsVersion == null || !seenTermsVersion.equals(accepting.version())) {
            return ActionResult.conflict("The Terms of Service are now version " + accepting.version()
                    + ", not the version on the page you submitted. Read them and accept them again.");
        }

        String districtId = district.get().id();
        Instant now = clock.instant();
        String key = keys.get();
        Optional<Registration> before = registrations.find(districtId);
        if (before.isPresent() && !REGISTERABLE.contains(before.get().state())) {
            return ActionResult.conflict(alreadyRegistered(before.get()));
        }
        Registration attempt = new Registration(districtId, RegistrationState.UNKNOWN, "", host.applicationName(),
                host.serverAddress(), user.id(), user.displayName(), now, accepting.version(), "", key, null,
                before.map(Registration::version).orElse(0), now);
        boolean saved = registrations.sql().inTransaction(connection -> {
            boolean stored = before.isEmpty() ? RegistrationStore.insert(connection, attempt)
                    : RegistrationStore.update(connection, attempt);
            if (!stored) {
                return false;
            }
            setSending(connection, districtId, now.plus(SENDING_WINDOW));
            TermsStore.accept(connection, new TermsAcceptance(0, districtId, accepting.version(),
                    accepting.digest(), user.id(), user.displayName(), now, user.remoteAddress(), key, null));
            RegistrationStore.record(connection, districtId, entry(user, "register",
                    before.map(Registration::state).orElse(RegistrationState.NOT_REGISTERED), RegistrationState.UNKNOWN,
                    "Accepted the Terms of Service version " + accepting.version() + " and sent the registration to "
                            + "the router (idempotency key " + key + ")."));
            return true;
        });
        if (!saved) {
            Optional<Registration> now2 = registrations.find(districtId);
            return ActionResult.conflict(now2.map(Lifecycle::alreadyRegistered).orElse(
                    "Another registration for the district was started at the same moment. Reload the page."));
        }
        audit.record(user, "nre.register", "Sent the district's registration to the National Records Exchange");

        Locality locality = Locality.of(district.get());
        RouterResult<RouterRegistration> answer = client.get().register(
                registrationRequest(district.get(), user, accepting, now, locality), key);
        return applyRegisterAnswer(user, districtId, key, before, answer);
    }

    private ActionResult applyRegisterAnswer(ActingUser user, String districtId, String key,
                                             Optional<Registration> before, RouterResult<RouterRegistration> answer) {
        if (answer instanceof RouterResult.Ok<RouterRegistration> ok) {
            RegistrationState state = adopt(user, districtId, key, ok.value(), "register",
                    "The router received the registration (id " + ok.value().id() + ").");
            markRegistrationTermsSent(districtId, key);
            return ActionResult.success(state == RegistrationState.ACTIVE
                    ? "Registered with the National Records Exchange, and the vendor approved it at once: the "
                            + "exchange is Active."
                    : "Registered with the National Records Exchange. The vendor will now verify and authorize the "
                            + "district; until then the exchange status is Inactive (pending verification).");
        }
        if (answer instanceof RouterResult.Conflict<RouterRegistration> conflict) {
            RegistrationState state = adopt(user, districtId, key, conflict.existing(), "register",
                    "The router already held a registration for the district (id " + conflict.existing().id()
                            + "); the console now follows it.");
            return ActionResult.success("The router already holds a registration for this district (now "
                    + describe(state) + "); the console now follows that registration instead of creating another.");
        }
        if (answer instanceof RouterResult.Refused<RouterRegistration> || answer instanceof RouterResult.Unavailable
                || answer instanceof RouterResult.NotFound) {
            // The router did not act on the request: put the registration back as it was.
            restore(user, districtId, key, before, "The router did not take the registration: " + answer.message());
            return ActionResult.unavailable(answer.message() + " Nothing was registered; you can try again.");
        }
        // Lost or malformed: the router may hold the registration. Settle it by looking it up, never by sending
        // the registration again blindly.
        markLost(user, districtId, key, "The router's answer was lost: " + answer.message());
        Check settled = settle(user, Urgency.INTERACTIVE);
        Registration now = registrations.find(districtId).orElseThrow();
        if (settled == Check.DONE && now.state() == RegistrationState.NOT_REGISTERED) {
            return ActionResult.unavailable(answer.message() + " Looking the district up at the router shows the "
                    + "registration never arrived. Nothing was registered; you can try again.");
        }
        if (settled == Check.DONE && now.state() != RegistrationState.UNKNOWN) {
            return ActionResult.success("The router's first answer was lost, but looking it up shows the district is "
                    + describe(now.state()) + ".");
        }
        return ActionResult.unavailable(answer.message() + " The registration may or may not have reached the "
                + "router; the console will look it up and settle it, and will not send it again blindly. The "
                + "status shows the outcome.");
    }

    // ---------------------------------------------------------------- status

    /** Checks the registration with the router now: settles a lost answer, or follows the vendor's decision. */
    public Check check(ActingUser user, Urgency urgency) {
        Optional<District> district = districts.current();
        if (district.isEmpty()) {
            return Check.NOTHING_TO_DO;
        }
        Optional<Registration> current = registrations.find(district.get().id());
        if (current.isEmpty()) {
            return Check.NOTHING_TO_DO;
        }
        Registration registration = current.get();
        if (registration.state() == RegistrationState.UNKNOWN) {
            return settle(user, urgency);
        }
        if (!FOLLOWED.contains(registration.state()) || !registration.hasRouterId()) {
            return Check.NOTHING_TO_DO;
        }
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            return Check.NOTHING_TO_DO;
        }
        RouterResult<RouterRegistration> answer = client.get().registration(registration.routerRegistrationId(),
                urgency);
        if (answer instanceof RouterResult.Ok<RouterRegistration> ok) {
            if (!ok.value().id().equals(registration.routerRegistrationId())
                    || !ok.value().districtId().equals(registration.districtId())) {
                recordOnly(user, registration.districtId(), "status", "The router answered about registration "
                        + ok.value().id() + " of district " + ok.value().districtId() + " when asked about "
                        + registration.routerRegistrationId() + "; the answer was ignored.");
                return Check.ROUTER_FAILED;
            }
            follow(user, registration, ok.value());
            sendUnsentAcceptances(user, client.get(), registration, urgency);
            return Check.DONE;
        }
        if (answer instanceof RouterResult.NotFound) {
            transition(user, registration, RegistrationState.UNKNOWN, "", null, "status",
                    "The router no longer knows registration " + registration.routerRegistrationId()
                            + "; the console will look up the district's registrations to settle it.");
            return Check.DONE;
        }
        return Check.ROUTER_FAILED;
    }

    /** The refresh action: terms and status, checked now. */
    public ActionResult refresh(ActingUser user) {
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            return ActionResult.unavailable(NOT_CONFIGURED);
        }
        RouterResult<RouterTerms> termsAnswer = terms.refresh(client.get(), Urgency.INTERACTIVE);
        Check check = check(user, Urgency.INTERACTIVE);
        if (check == Check.ROUTER_FAILED || !(termsAnswer instanceof RouterResult.Ok)) {
            String why = check == Check.ROUTER_FAILED ? "" : termsAnswer.message();
            return ActionResult.unavailable("The router could not be asked now. " + why
                    + " The status shown is the last one known; the console keeps checking on its own.");
        }
        Optional<Registration> now = districts.current().flatMap(d -> registrations.find(d.id()));
        return ActionResult.success("Checked with the router: the district is "
                + now.map(r -> describe(r.state())).orElse("not registered") + ".");
    }

    /** Looks the district up at the router to settle a registration whose answer was lost. */
    Check settle(ActingUser user, Urgency urgency) {
        Optional<District> district = districts.current();
        Optional<RouterClient> client = router.client();
        if (district.isEmpty() || client.isEmpty()) {
            return Check.NOTHING_TO_DO;
        }
        Optional<Registration> current = registrations.find(district.get().id());
        if (current.isEmpty() || current.get().state() != RegistrationState.UNKNOWN
                || sendingUntil(current.get().districtId()).filter(clock.instant()::isBefore).isPresent()) {
            return Check.NOTHING_TO_DO;
        }
        Registration registration = current.get();
        RouterResult<List<RouterRegistration>> answer = client.get().registrationsOf(registration.districtId(), urgency);
        if (!(answer instanceof RouterResult.Ok<List<RouterRegistration>> ok)) {
            return Check.ROUTER_FAILED;
        }
        Optional<RouterRegistration> live = ok.value().stream()
                .filter(r -> r.districtId().equals(registration.districtId()))
                .filter(r -> r.state() != org.nre.plugin.router.RouterState.DEREGISTERED)
                .findFirst();
        if (live.isPresent()) {
            RegistrationState state = state(live.get().state());
            transition(user, registration, state, live.get().reason(), live.get().id(), "settle",
                    "Looked the district up at the router: it holds registration " + live.get().id() + " ("
                            + describe(state) + ").");
            markRegistrationTermsSent(registration.districtId(), registration.idempotencyKey());
        } else {
            transition(user, registration, RegistrationState.NOT_REGISTERED, "", "", "settle",
                    "Looked the district up at the router: it holds no registration, so the request never arrived. "
                            + "Register again to retry.");
        }
        return Check.DONE;
    }

    private void follow(ActingUser user, Registration registration, RouterRegistration reported) {
        RegistrationState state = state(reported.state());
        if (state == registration.state() && reported.reason().equals(registration.stateReason())) {
            touch(registration);
            return;
        }
        String detail = switch (state) {
            case ACTIVE -> registration.state() == RegistrationState.SUSPENDED
                    ? "The vendor lifted the suspension: the exchange is Active again."
                    : "The vendor verified and authorized the district: the exchange is Active.";
            case REJECTED -> "The vendor rejected the registration: " + reason(reported);
            case SUSPENDED -> "The vendor suspended the exchange: " + reason(reported);
            case DEREGISTERED -> "The router reports the registration as deregistered.";
            case PENDING -> "The router reports the registration as pending verification again.";
            default -> "The router reports the registration as " + state + ".";
        };
        transition(user, registration, state, reported.reason(), reported.id(), "status", detail);
    }

    // ---------------------------------------------------------------- terms

    /** Accepts terms the vendor updated after the district registered, and sends the acceptance. */
    public ActionResult acceptUpdatedTerms(ActingUser user, boolean accepted, String seenTermsVersion) {
        Optional<District> district = districts.current();
        if (district.isEmpty()) {
            return ActionResult.conflict(NO_DISTRICT);
        }
        if (!accepted) {
            return ActionResult.invalid("Accepting needs the box ticked.", new FieldError(ACCEPT_TERMS,
                    "Tick \"I have read and agree to the Terms of Service\" to accept them."));
        }
        Optional<Registration> registration = registrations.find(district.get().id());
        Optional<Terms> current = terms.current();
        if (registration.isEmpty() || !FOLLOWED.contains(registration.get().state()) || current.isEmpty()) {
            return ActionResult.conflict("There are no updated terms to accept: the district is not registered.");
        }
        Terms accepting = current.get();
        if (!accepting.version().equals(seenTermsVersion)) {
            return ActionResult.conflict("The Terms of Service are now version " + accepting.version()
                    + ", not the version on the page you submitted. Read them and accept them again.");
        }
        if (acceptedCurrent(district.get().id(), accepting)) {
            return ActionResult.conflict("Version " + accepting.version() + " of the Terms of Service is already "
                    + "accepted.");
        }
        Instant now = clock.instant();
        String key = keys.get();
        TermsAcceptance acceptance = new TermsAcceptance(0, district.get().id(), accepting.version(),
                accepting.digest(), user.id(), user.displayName(), now, user.remoteAddress(), key, null);
        registrations.sql().inTransaction(connection -> {
            TermsStore.accept(connection, acceptance);
            RegistrationStore.record(connection, district.get().id(), entry(user, "accept-terms", null, null,
                    "Accepted the Terms of Service version " + accepting.version() + "."));
            return null;
        });
        audit.record(user, "nre.accept-terms", "Accepted the Terms of Service version " + accepting.version());
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            return ActionResult.success("Your acceptance of version " + accepting.version() + " is recorded. "
                    + NOT_CONFIGURED);
        }
        int unsent = sendUnsentAcceptances(user, client.get(), registration.get(), Urgency.INTERACTIVE);
        return unsent == 0
                ? ActionResult.success("Accepted the Terms of Service version " + accepting.version()
                        + " and sent the acceptance to the router.")
                : ActionResult.success("Your acceptance of version " + accepting.version() + " is recorded, but the "
                        + "router could not be reached; the console will send it as soon as the router answers.");
    }

    /** Whether the district has accepted the terms now current (version and text). */
    public boolean acceptedCurrent(String districtId, Terms current) {
        return terms.store().acceptances(districtId).stream()
                .anyMatch(a -> a.termsVersion().equals(current.version()) && a.termsDigest().equals(current.digest()));
    }

    /** Sends acceptances the router has not received yet; answers how many are still unsent. */
    int sendUnsentAcceptances(ActingUser user, RouterClient client, Registration registration, Urgency urgency) {
        if (!registration.hasRouterId()) {
            return terms.store().unsent(registration.districtId()).size();
        }
        int left = 0;
        for (TermsAcceptance acceptance : terms.store().unsent(registration.districtId())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", acceptance.termsVersion());
            body.put("digest", acceptance.termsDigest());
            body.put("acceptedBy", Map.of("id", acceptance.acceptedById(), "name", acceptance.acceptedByName()));
            body.put("acceptedAt", acceptance.acceptedAt().toString());
            RouterResult<RouterRegistration> answer = client.acceptTerms(registration.routerRegistrationId(), body,
                    acceptance.idempotencyKey(), urgency);
            if (answer instanceof RouterResult.Ok) {
                terms.store().markSent(acceptance.id(), clock.instant());
                recordOnly(user, registration.districtId(), "accept-terms", "The router received the acceptance of "
                        + "the Terms of Service version " + acceptance.termsVersion() + ".");
            } else if (answer instanceof RouterResult.Refused || answer instanceof RouterResult.Conflict) {
                // The router will not take it as it is (say, newer terms came out): mark it handled so it is not
                // sent forever, and say so in the history.
                terms.store().markSent(acceptance.id(), clock.instant());
                recordOnly(user, registration.districtId(), "accept-terms", "The router refused the acceptance of "
                        + "version " + acceptance.termsVersion() + ": " + answer.message());
            } else {
                left++;
            }
        }
        return left;
    }

    private void markRegistrationTermsSent(String districtId, String registrationKey) {
        for (TermsAcceptance acceptance : terms.store().unsent(districtId)) {
            if (acceptance.idempotencyKey().equals(registrationKey)) {
                terms.store().markSent(acceptance.id(), clock.instant());
            }
        }
    }

    // ---------------------------------------------------------------- locality, deregister

    public ActionResult resendLocality(ActingUser user) {
        Optional<District> district = districts.current();
        if (district.isEmpty()) {
            return ActionResult.conflict(NO_DISTRICT);
        }
        Optional<Registration> registration = registrations.find(district.get().id());
        if (registration.isEmpty() || !FOLLOWED.contains(registration.get().state())
                || !registration.get().hasRouterId()) {
            return ActionResult.conflict("The locality can be sent only for a registration the router holds.");
        }
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            return ActionResult.unavailable(NOT_CONFIGURED);
        }
        Locality locality = Locality.of(district.get());
        RouterResult<RouterRegistration> answer = client.get().putLocality(
                registration.get().routerRegistrationId(), locality.json(), Urgency.INTERACTIVE);
        if (answer instanceof RouterResult.Ok) {
            recordOnly(user, district.get().id(), "locality", "Sent the locality: " + describe(locality) + ".");
            audit.record(user, "nre.locality", "Sent the district's locality to the National Records Exchange");
            return ActionResult.success("Sent the locality to the router: " + describe(locality) + ".");
        }
        return ActionResult.unavailable(answer.message() + " The locality was not updated; try again later.");
    }

    public ActionResult deregister(ActingUser user) {
        Optional<District> district = districts.current();
        if (district.isEmpty()) {
            return ActionResult.conflict(NO_DISTRICT);
        }
        Optional<Registration> registration = registrations.find(district.get().id());
        if (registration.isEmpty() || !FOLLOWED.contains(registration.get().state())
                || !registration.get().hasRouterId()) {
            return ActionResult.conflict("There is no registration to withdraw: the district is "
                    + registration.map(r -> describe(r.state())).orElse("not registered") + ".");
        }
        Optional<RouterClient> client = router.client();
        if (client.isEmpty()) {
            return ActionResult.unavailable(NOT_CONFIGURED);
        }
        Registration current = registration.get();
        RouterResult<RouterRegistration> answer = client.get().deregister(current.routerRegistrationId());
        if (answer instanceof RouterResult.Ok || answer instanceof RouterResult.NotFound) {
            boolean moved = transition(user, current, RegistrationState.DEREGISTERED, "", null, "deregister",
                    "Withdrew the district from the National Records Exchange.");
            audit.record(user, "nre.deregister", "Deregistered the district from the National Records Exchange");
            return moved ? ActionResult.success("The district is deregistered from the National Records Exchange; "
                    + "records can no longer be exchanged.")
                    : ActionResult.conflict("The registration changed while it was being withdrawn. Reload the page.");
        }
        if (answer instanceof RouterResult.Lost || answer instanceof RouterResult.Malformed) {
            recordOnly(user, current.districtId(), "deregister", "Asked the router to deregister; its answer was "
                    + "lost: " + answer.message());
            return ActionResult.unavailable(answer.message() + " The router may have deregistered the district; the "
                    + "console will check and show the outcome.");
        }
        return ActionResult.unavailable(answer.message() + " The district is still registered.");
    }

    // ---------------------------------------------------------------- storing transitions

    /** Moves the registration from the state it was read in; false when it changed meanwhile. */
    private boolean transition(ActingUser user, Registration from, RegistrationState to, String reason,
                               String routerId, String action, String detail) {
        Instant now = clock.instant();
        Registration next = from.moved(to, reason, routerId, now);
        boolean moved = registrations.sql().inTransaction(connection -> {
            if (!RegistrationStore.update(connection, next)) {
                return false;
            }
            setSending(connection, from.districtId(), null);
            RegistrationStore.record(connection, from.districtId(), entry(user, action, from.state(), to, detail));
            return true;
        });
        if (moved && from.state() != to) {
            audit.record(user, "nre.state", "National Records Exchange registration " + from.state() + " -> " + to);
        }
        return moved;
    }

    /** Applies the router's answer to the registration this request started, unless someone settled it already. */
    private RegistrationState adopt(ActingUser user, String districtId, String key, RouterRegistration reported,
                                    String action, String detail) {
        RegistrationState state = state(reported.state());
        for (int attempt = 0; attempt < 3; attempt++) {
            Registration current = registrations.find(districtId).orElseThrow();
            if (!current.idempotencyKey().equals(key) || current.state() != RegistrationState.UNKNOWN) {
                recordOnly(user, districtId, action, detail + " (the registration had already been settled as "
                        + current.state() + ")");
                return current.state();
            }
            if (transition(user, current, state, reported.reason(), reported.id(), action, detail)) {
                return state;
            }
        }
        return registrations.find(districtId).map(Registration::state).orElse(state);
    }

    private void restore(ActingUser user, String districtId, String key, Optional<Registration> before, String detail) {
        Registration current = registrations.find(districtId).orElseThrow();
        if (!current.idempotencyKey().equals(key) || current.state() != RegistrationState.UNKNOWN) {
            return;
        }
        RegistrationState previous = before.map(Registration::state).orElse(RegistrationState.NOT_REGISTERED);
        transition(user, current, previous, before.map(Registration::stateReason).orElse(""),
                before.map(Registration::routerRegistrationId).orElse(""), "register", detail);
    }

    private void markLost(ActingUser user, String districtId, String key, String detail) {
        registrations.sql().inTransaction(connection -> {
            Optional<Registration> current = RegistrationStore.find(connection, districtId);
            if (current.isPresent() && current.get().idempotencyKey().equals(key)
                    && current.get().state() == RegistrationState.UNKNOWN) {
                setSending(connection, districtId, null);
            }
            RegistrationStore.record(connection, districtId, entry(user, "register", null, null, detail));
            return null;
        });
    }

    private void touch(Registration registration) {
        registrations.sql().update("UPDATE nre_registration SET last_router_contact = ? WHERE district_id = ?",
                clock.instant(), registration.districtId());
    }

    private void recordOnly(ActingUser user, String districtId, String action, String detail) {
        registrations.record(districtId, entry(user, action, null, null, detail));
    }

    private static void setSending(Connection connection, String districtId, Instant until) throws SQLException {
        Sql.update(connection, "UPDATE nre_registration SET sending_until = ? WHERE district_id = ?", until, districtId);
    }

    private Optional<Instant> sendingUntil(String districtId) {
        return registrations.sql().one("SELECT sending_until FROM nre_registration WHERE district_id = ?",
                row -> Sql.instant(row, "sending_until"), districtId).filter(java.util.Objects::nonNull);
    }

    private HistoryEntry entry(ActingUser user, String action, RegistrationState from, RegistrationState to,
                               String detail) {
        return new HistoryEntry(clock.instant(), user.id(), user.displayName(), user.remoteAddress(), action, from, to,
                detail);
    }

    // ---------------------------------------------------------------- words

    static final String NO_DISTRICT = "This console has no school district set up, so it cannot register. "
            + "Ask the console administrator to set up the district.";
    static final String NOT_CONFIGURED = "The router is not configured yet: a console administrator sets its "
            + "address, the district key and the shared secret under National Records Exchange Settings.";

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

    public static String describe(RegistrationState state) {
        return switch (state) {
            case NOT_REGISTERED -> "not registered";
            case PENDING -> "registered and pending the vendor's verification";
            case ACTIVE -> "registered and Active";
            case REJECTED -> "rejected by the vendor";
            case SUSPENDED -> "suspended by the vendor";
            case DEREGISTERED -> "deregistered";
            case UNKNOWN -> "awaiting the router's answer";
        };
    }

    static String describe(Locality locality) {
        return "cities " + (locality.cities().isEmpty() ? "(none)" : String.join(", ", locality.cities()))
                + "; ZIP codes " + (locality.postalCodes().isEmpty() ? "(none)" : String.join(", ", locality.postalCodes()));
    }

    private static String reason(RouterRegistration reported) {
        return reported.reason().isBlank() ? "no reason given." : reported.reason();
    }

    static RegistrationState state(org.nre.plugin.router.RouterState state) {
        return RegistrationState.valueOf(state.name());
    }

    Map<String, Object> registrationRequest(District district, ActingUser user, Terms accepted, Instant acceptedAt,
                                            Locality locality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("districtId", district.id());
        body.put("districtName", district.name());
        body.put("state", district.state());
        body.put("applicationName", host.applicationName());
        body.put("sourceAddress", host.serverAddress());
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
