package org.nre.sample.router;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nre.hostkit.db.Jdbc;

/** The simulated vendor's registry: terms, registrations and idempotency keys, in the console's database. */
public final class SimulatorStore {

    /** The states a registration moves through at the vendor. */
    public enum State { PENDING, ACTIVE, REJECTED, SUSPENDED, DEREGISTERED }

    /** The states in which a registration is the district's live one. */
    static final List<State> LIVE = List.of(State.PENDING, State.ACTIVE, State.SUSPENDED);

    /**
     * A registration as the simulated vendor holds it.
     *
     * @param id the router's id
     * @param districtId the district
     * @param districtName its name
     * @param stateCode its two-letter US state
     * @param applicationName the console's application name
     * @param sourceAddress where it registered from
     * @param clientReference the console's own reference for it, or empty
     * @param registeredById the id of who registered, or empty
     * @param registeredBy who registered, "Last, First"
     * @param termsVersion the terms version it holds as accepted
     * @param state its state
     * @param reason the vendor's reason for a rejection or suspension, or empty
     * @param cities the locality's cities, comma-separated
     * @param postalCodes the locality's ZIP codes, comma-separated
     * @param createdAt when it was received
     * @param updatedAt when it last changed
     */
    public record Registration(String id, String districtId, String districtName, String stateCode,
                               String applicationName, String sourceAddress, String clientReference,
                               String registeredById, String registeredBy, String termsVersion,
                               State state, String reason, String cities, String postalCodes, Instant createdAt,
                               Instant updatedAt) {
    }

    /**
     * Terms the simulated vendor published.
     *
     * @param version the version
     * @param effectiveDate when they take effect
     * @param text the terms
     * @param publishedAt when they were published
     */
    public record Terms(String version, LocalDate effectiveDate, String text, Instant publishedAt) {

        public String digest() {
            return "sha256:" + sha256(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The first answer to an idempotency key. */
    record Replay(String bodyDigest, int status, String registrationId) {
    }

    static final String FIRST_TERMS_VERSION = "2026-07";
    static final String FIRST_TERMS = """
            SAMPLE TERMS OF SERVICE OF THE SIMULATED NATIONAL RECORDS EXCHANGE

            These sample terms come with the simulated router of the NRE sample console. They bind nobody; they \
            show how the console presents the vendor's terms.

            1. Purpose. The exchange routes requests for student records (enrollment history, transcripts, grades and \
            demographics) between participating school districts.

            2. Registration. A district registers through its console. The vendor verifies and authorizes each \
            district before records can be exchanged.

            3. Locality. The district shares the cities and ZIP codes of its students' census addresses, leaving out \
            those that cover 1% of its students or fewer, so that other districts can find it.

            4. Changes. The vendor may update these terms at any time with fifteen days' notice. The district accepts \
            the new version by its effective date to keep exchanging records.""";

    private final Jdbc jdbc;
    private final Clock clock;

    public SimulatorStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Publishes the first sample terms when the vendor has none yet. */
    void seed() {
        if (currentTerms().isEmpty()) {
            publish(new Terms(FIRST_TERMS_VERSION, LocalDate.of(2026, 7, 1), FIRST_TERMS, clock.instant()));
        }
    }

    public Optional<Terms> currentTerms() {
        return jdbc.one("SELECT version, effective_date, body, published_at FROM sim_terms "
                + "ORDER BY published_at DESC, version DESC LIMIT 1", SimulatorStore::terms);
    }

    /** Publishes new terms now. */
    public void publish(String version, LocalDate effectiveDate, String text) {
        publish(new Terms(version, effectiveDate, text, clock.instant()));
    }

    void publish(Terms terms) {
        jdbc.update("INSERT INTO sim_terms (version, effective_date, body, published_at) VALUES (?, ?, ?, ?)",
                terms.version(), terms.effectiveDate(), terms.text(), terms.publishedAt());
    }

    public boolean termsVersionExists(String version) {
        return jdbc.one("SELECT 1 FROM sim_terms WHERE version = ?", row -> true, version).isPresent();
    }

    public List<Registration> all() {
        return jdbc.list("SELECT * FROM sim_registration ORDER BY created_at DESC, id DESC", SimulatorStore::registration);
    }

    public Optional<Registration> find(String id) {
        return jdbc.one("SELECT * FROM sim_registration WHERE id = ?", SimulatorStore::registration, id);
    }

    public List<Registration> ofDistrict(String districtId) {
        return jdbc.list("SELECT * FROM sim_registration WHERE district_id = ? ORDER BY created_at DESC, id DESC",
                SimulatorStore::registration, districtId);
    }

    /** The district's live registration (pending, active or suspended), if any: no other is made beside it. */
    Optional<Registration> live(String districtId) {
        return ofDistrict(districtId).stream().filter(r -> LIVE.contains(r.state())).findFirst();
    }

    /** The district's registrations that carry the console's reference, newest first. */
    List<Registration> withReference(String districtId, String clientReference) {
        return jdbc.list("SELECT * FROM sim_registration WHERE district_id = ? AND client_reference = ? "
                + "ORDER BY created_at DESC, id DESC", SimulatorStore::registration, districtId, clientReference);
    }

    Registration create(Registration draft) {
        Instant now = clock.instant();
        String id = "reg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.update("""
                INSERT INTO sim_registration (id, district_id, district_name, state_code, application_name,
                       source_address, client_reference, registered_by_id, registered_by, terms_version, state, reason,
                       cities, postal_codes, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)""",
                id, draft.districtId(), draft.districtName(), draft.stateCode(), draft.applicationName(),
                draft.sourceAddress(), draft.clientReference(), draft.registeredById(), draft.registeredBy(),
                draft.termsVersion(), State.PENDING.name(), draft.cities(), draft.postalCodes(), now, now);
        return find(id).orElseThrow();
    }

    /** Moves a registration, as the vendor would; answers false when it is not in a state that allows it. */
    public boolean move(String id, List<State> from, State to, String reason) {
        StringBuilder states = new StringBuilder();
        for (State state : from) {
            states.append(states.length() == 0 ? "'" : ",'").append(state.name()).append("'");
        }
        return jdbc.update("UPDATE sim_registration SET state = ?, reason = ?, updated_at = ? WHERE id = ? AND state IN ("
                + states + ")", to.name(), reason == null || reason.isBlank() ? null : reason, clock.instant(), id) == 1;
    }

    void acceptTerms(String id, String version, String acceptedBy, String acceptedAt) {
        jdbc.update("UPDATE sim_registration SET terms_version = ?, updated_at = ? WHERE id = ?", version,
                clock.instant(), id);
        jdbc.update("INSERT INTO sim_acceptance (registration_id, version, accepted_by, accepted_at, received_at) "
                + "VALUES (?, ?, ?, ?, ?)", id, version, acceptedBy, acceptedAt, clock.instant());
    }

    void locality(String id, String cities, String postalCodes) {
        jdbc.update("UPDATE sim_registration SET cities = ?, postal_codes = ?, updated_at = ? WHERE id = ?", cities,
                postalCodes, clock.instant(), id);
    }

    Optional<Replay> replay(String key) {
        return jdbc.one("SELECT body_digest, status, registration_id FROM sim_idempotency WHERE idempotency_key = ?",
                row -> new Replay(row.getString(1), row.getInt(2), row.getString(3)), key);
    }

    void remember(String key, String bodyDigest, int status, String registrationId) {
        jdbc.update("INSERT INTO sim_idempotency (idempotency_key, body_digest, status, registration_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?)", key, bodyDigest, status, registrationId, clock.instant());
    }

    private static Terms terms(ResultSet row) throws SQLException {
        return new Terms(row.getString("version"), row.getObject("effective_date", LocalDate.class),
                row.getString("body"), Jdbc.instant(row, "published_at"));
    }

    private static Registration registration(ResultSet row) throws SQLException {
        return new Registration(row.getString("id"), row.getString("district_id"), row.getString("district_name"),
                row.getString("state_code"), row.getString("application_name"), row.getString("source_address"),
                orEmpty(row.getString("client_reference")), orEmpty(row.getString("registered_by_id")),
                row.getString("registered_by"), row.getString("terms_version"), State.valueOf(row.getString("state")),
                row.getString("reason") == null ? "" : row.getString("reason"), row.getString("cities"),
                row.getString("postal_codes"), Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
