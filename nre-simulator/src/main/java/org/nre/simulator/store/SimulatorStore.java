package org.nre.simulator.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The simulated vendor's registry in the console's database: terms, registrations, terms acceptances and
 * idempotency keys (tables {@code sim_*}).
 */
public final class SimulatorStore {

    private static final String REGISTRATION_COLUMNS = "id, district_id, district_name, state_code, "
            + "application_name, source_address, client_reference, registered_by_id, registered_by, terms_version, "
            + "state, reason, cities, postal_codes, created_at, updated_at";

    private final Sql sql;
    private final Clock clock;

    /**
     * @param dataSource where the {@code sim_*} tables are
     * @param clock what times are stamped with
     */
    public SimulatorStore(DataSource dataSource, Clock clock) {
        this.sql = new Sql(dataSource);
        this.clock = clock;
    }

    /** Publishes the first sample terms when the vendor has none yet. */
    public void seed() {
        if (currentTerms().isEmpty()) {
            publish(SampleTerms.VERSION, SampleTerms.EFFECTIVE, SampleTerms.TEXT);
        }
    }

    /** The terms published last. */
    public Optional<Terms> currentTerms() {
        return sql.one("SELECT version, effective_date, body, published_at FROM sim_terms "
                + "ORDER BY published_at DESC, version DESC LIMIT 1", SimulatorStore::terms);
    }

    /** Publishes new terms now: from now on they are the current ones. */
    public void publish(String version, LocalDate effectiveDate, String text) {
        sql.update("INSERT INTO sim_terms (version, effective_date, body, published_at) VALUES (?, ?, ?, ?)",
                version, effectiveDate, text, clock.instant());
    }

    /** Whether terms of that version were ever published. */
    public boolean termsVersionExists(String version) {
        return sql.one("SELECT 1 FROM sim_terms WHERE version = ?", row -> true, version).isPresent();
    }

    /** Every registration, newest first. */
    public List<Registration> all() {
        return sql.list("SELECT " + REGISTRATION_COLUMNS + " FROM sim_registration ORDER BY created_at DESC, id DESC",
                SimulatorStore::registration);
    }

    /** A registration by its id. */
    public Optional<Registration> find(String id) {
        return sql.one("SELECT " + REGISTRATION_COLUMNS + " FROM sim_registration WHERE id = ?",
                SimulatorStore::registration, id);
    }

    /** The district's registrations, past ones included, newest first. */
    public List<Registration> ofDistrict(String districtId) {
        return sql.list("SELECT " + REGISTRATION_COLUMNS + " FROM sim_registration WHERE district_id = ? "
                + "ORDER BY created_at DESC, id DESC", SimulatorStore::registration, districtId);
    }

    /** The district's live registration (pending, active or suspended), if any: no other is made beside it. */
    public Optional<Registration> live(String districtId) {
        return ofDistrict(districtId).stream().filter(r -> r.state().live()).findFirst();
    }

    /** The district's registrations that carry the console's reference, newest first. */
    public List<Registration> withReference(String districtId, String clientReference) {
        return sql.list("SELECT " + REGISTRATION_COLUMNS + " FROM sim_registration WHERE district_id = ? "
                        + "AND client_reference = ? ORDER BY created_at DESC, id DESC", SimulatorStore::registration,
                districtId, clientReference);
    }

    /** Stores a new pending registration from a draft (whose id, state, reason and times are ignored). */
    public Registration create(Registration draft) {
        Instant now = clock.instant();
        String id = "reg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        sql.update("INSERT INTO sim_registration (" + REGISTRATION_COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
                id, draft.districtId(), draft.districtName(), draft.stateCode(), draft.applicationName(),
                draft.sourceAddress(), draft.clientReference(), draft.registeredById(), draft.registeredBy(),
                draft.termsVersion(), RegistrationState.PENDING.name(), draft.cities(), draft.postalCodes(), now, now);
        return find(id).orElseThrow();
    }

    /**
     * Moves a registration, as the vendor would, in one conditional statement so that two decisions cannot both
     * pass.
     *
     * @param reason the vendor's reason, or empty for none
     * @return false when the registration is not in one of the states {@code from}
     */
    public boolean move(String id, List<RegistrationState> from, RegistrationState to, String reason) {
        List<Object> params = new ArrayList<>(List.of(to.name()));
        params.add(reason == null || reason.isBlank() ? null : reason);
        params.add(clock.instant());
        params.add(id);
        from.forEach(state -> params.add(state.name()));
        String states = String.join(", ", Collections.nCopies(from.size(), "?"));
        return sql.update("UPDATE sim_registration SET state = ?, reason = ?, updated_at = ? WHERE id = ? "
                + "AND state IN (" + states + ")", params.toArray()) == 1;
    }

    /** Records that the district accepted terms for a registration. */
    public void acceptTerms(String id, String version, String acceptedBy, String acceptedAt) {
        sql.update("UPDATE sim_registration SET terms_version = ?, updated_at = ? WHERE id = ?", version,
                clock.instant(), id);
        sql.update("INSERT INTO sim_acceptance (registration_id, version, accepted_by, accepted_at, received_at) "
                + "VALUES (?, ?, ?, ?, ?)", id, version, acceptedBy, acceptedAt, clock.instant());
    }

    /** Replaces a registration's locality. */
    public void locality(String id, String cities, String postalCodes) {
        sql.update("UPDATE sim_registration SET cities = ?, postal_codes = ?, updated_at = ? WHERE id = ?", cities,
                postalCodes, clock.instant(), id);
    }

    /** The first answer to an Idempotency-Key, if it was used. */
    public Optional<Replay> replay(String key) {
        return sql.one("SELECT body_digest, status, registration_id FROM sim_idempotency WHERE idempotency_key = ?",
                row -> new Replay(row.getString(1), row.getInt(2), row.getString(3)), key);
    }

    /** Keeps the first answer to an Idempotency-Key. */
    public void remember(String key, Replay answer) {
        sql.update("INSERT INTO sim_idempotency (idempotency_key, body_digest, status, registration_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", key, answer.bodyDigest(), answer.status(),
                answer.registrationId(), clock.instant());
    }

    private static Terms terms(ResultSet row) throws SQLException {
        return new Terms(row.getString("version"), row.getObject("effective_date", LocalDate.class),
                row.getString("body"), Sql.instant(row, "published_at"));
    }

    private static Registration registration(ResultSet row) throws SQLException {
        return new Registration(row.getString("id"), row.getString("district_id"), row.getString("district_name"),
                row.getString("state_code"), row.getString("application_name"), row.getString("source_address"),
                orEmpty(row.getString("client_reference")), orEmpty(row.getString("registered_by_id")),
                row.getString("registered_by"), row.getString("terms_version"),
                RegistrationState.valueOf(row.getString("state")), orEmpty(row.getString("reason")),
                row.getString("cities"), row.getString("postal_codes"), Sql.instant(row, "created_at"),
                Sql.instant(row, "updated_at"));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
