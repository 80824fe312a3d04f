package org.nre.plugin.registration;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One registration the district sent, or tried to send, as stored: its own row, moved from state to state
 * under optimistic locking on {@code version}. An attempt that never became a registration at the router ends
 * {@link RegistrationState#NOT_REGISTERED} and stays on record.
 *
 * @param id the console's own reference for the registration, sent to the router as its client reference
 * @param districtId the district
 * @param seq the registration's place among the district's, from 1
 * @param state where it stands
 * @param stateReason the vendor's reason for a rejection or suspension, or empty
 * @param applicationName the console's application name at registration
 * @param sourceAddress the address the registration was sent from
 * @param registeredById the id of the person who registered
 * @param registeredByName that person's name, "Last, First"
 * @param registeredAt when the district registered (as the router holds it, once it answered)
 * @param termsVersion the version of the terms accepted with the registration
 * @param routerRegistrationId the router's id for the registration, or empty until it answers
 * @param idempotencyKey the key every attempt of the registration request carries
 * @param sendingUntil until when the registration request may still be on its way, or null
 * @param lastRouterContact when the router last answered about it, or null
 * @param localitySent the locality last sent for it, as the router's JSON, or empty
 * @param localitySentAt when that locality was sent, or null
 * @param version the row's version, for optimistic locking
 * @param updatedAt when the row last changed
 */
public record Registration(String id, String districtId, int seq, RegistrationState state, String stateReason,
                           String applicationName, String sourceAddress, String registeredById,
                           String registeredByName, Instant registeredAt, String termsVersion,
                           String routerRegistrationId, String idempotencyKey, Instant sendingUntil,
                           Instant lastRouterContact, String localitySent, Instant localitySentAt, int version,
                           Instant updatedAt) {

    /** The states in which a registration is the district's live one: no other can be started beside it. */
    public static final Set<RegistrationState> LIVE = EnumSet.of(RegistrationState.UNKNOWN,
            RegistrationState.PENDING, RegistrationState.ACTIVE, RegistrationState.SUSPENDED);
    /** The states the router holds and the console follows. */
    public static final Set<RegistrationState> FOLLOWED = EnumSet.of(RegistrationState.PENDING,
            RegistrationState.ACTIVE, RegistrationState.SUSPENDED);

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(state, "state");
        stateReason = stateReason == null ? "" : stateReason;
        routerRegistrationId = routerRegistrationId == null ? "" : routerRegistrationId;
        localitySent = localitySent == null ? "" : localitySent;
    }

    /** The same registration in another state at {@code at}; a null router id keeps the one it has. */
    public Registration moved(RegistrationState next, String reason, String routerId, Instant at) {
        return new Registration(id, districtId, seq, next, reason, applicationName, sourceAddress, registeredById,
                registeredByName, registeredAt, termsVersion, routerId == null ? routerRegistrationId : routerId,
                idempotencyKey, LIVE.contains(next) ? sendingUntil : null, at, localitySent, localitySentAt,
                version, at);
    }

    /** The same registration with who registered it and when, as the router holds them. */
    public Registration registeredAs(String byId, String byName, Instant at) {
        return new Registration(id, districtId, seq, state, stateReason, applicationName, sourceAddress,
                byId.isEmpty() ? registeredById : byId, byName.isEmpty() ? registeredByName : byName,
                at == null ? registeredAt : at, termsVersion, routerRegistrationId, idempotencyKey, sendingUntil,
                lastRouterContact, localitySent, localitySentAt, version, updatedAt);
    }

    /** The same registration with the locality just sent for it. */
    public Registration withLocalitySent(String json, Instant at) {
        return new Registration(id, districtId, seq, state, stateReason, applicationName, sourceAddress,
                registeredById, registeredByName, registeredAt, termsVersion, routerRegistrationId, idempotencyKey,
                sendingUntil, lastRouterContact, json, at, version, updatedAt);
    }

    /** The same registration, no longer being sent. */
    public Registration sent() {
        return new Registration(id, districtId, seq, state, stateReason, applicationName, sourceAddress,
                registeredById, registeredByName, registeredAt, termsVersion, routerRegistrationId, idempotencyKey,
                null, lastRouterContact, localitySent, localitySentAt, version, updatedAt);
    }

    public boolean hasRouterId() {
        return !routerRegistrationId.isEmpty();
    }

    public boolean live() {
        return LIVE.contains(state);
    }

    /** Whether the router holds it and the console follows the vendor's decisions on it. */
    public boolean followed() {
        return FOLLOWED.contains(state) && hasRouterId();
    }

    /** Whether its request may still be on its way at {@code now}: nobody settles it before then. */
    public boolean sending(Instant now) {
        return state == RegistrationState.UNKNOWN && sendingUntil != null && now.isBefore(sendingUntil);
    }
}
