package org.nre.plugin.registration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.nre.plugin.storage.Sql;

/**
 * The district's registrations and history in the plugin's own tables. A registration changes only from the
 * version the caller read ({@link #update} answers false otherwise); registrations and history are only ever
 * added to.
 */
public final class RegistrationStore {

    static final int MAX_DETAIL = 2000;
    private static final String COLUMNS = """
            id, district_id, seq, state, state_reason, application_name, source_address, registered_by_id,
            registered_by_name, registered_at, terms_version, router_registration_id, idempotency_key, sending_until,
            last_router_contact, locality_sent, locality_sent_at, version, updated_at""";
    // The district's registration now: its newest that is, or once was, a registration (never an attempt that
    // did not become one). A live one is always the newest, as none can be started beside it.
    private static final String CURRENT = "SELECT " + COLUMNS + " FROM nre_registration WHERE district_id = ? "
            + "AND state <> 'NOT_REGISTERED' ORDER BY seq DESC LIMIT 1";

    private final Sql sql;

    public RegistrationStore(Sql sql) {
        this.sql = sql;
    }

    public Sql sql() {
        return sql;
    }

    /** The district's registration now, or empty when it has none. */
    public Optional<Registration> current(String districtId) {
        return sql.one(CURRENT, RegistrationStore::read, districtId);
    }

    public static Optional<Registration> current(Connection connection, String districtId) throws SQLException {
        return first(Sql.list(connection, CURRENT, RegistrationStore::read, districtId));
    }

    public Optional<Registration> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM nre_registration WHERE id = ?", RegistrationStore::read, id);
    }

    /** Every registration and attempt of the district, newest first. */
    public List<Registration> all(String districtId) {
        return sql.list("SELECT " + COLUMNS + " FROM nre_registration WHERE district_id = ? ORDER BY seq DESC",
                RegistrationStore::read, districtId);
    }

    /** Registrations the district is not following any more, as the router held them: newest first. */
    public List<Registration> past(String districtId) {
        Optional<Registration> current = current(districtId);
        return all(districtId).stream()
                .filter(r -> r.hasRouterId() && current.map(c -> !c.id().equals(r.id())).orElse(true))
                .toList();
    }

    /**
     * Stores a new registration of a district as its newest, whatever {@code r.seq()} says.
     *
     * @return false when the district already has a live registration (another request got there first)
     */
    public static boolean insert(Connection connection, Registration r) throws SQLException {
        int seq = Sql.list(connection, "SELECT COALESCE(MAX(seq), 0) FROM nre_registration WHERE district_id = ?",
                row -> row.getInt(1), r.districtId()).get(0) + 1;
        return Sql.unlessDuplicate(connection, c -> Sql.update(c, "INSERT INTO nre_registration (" + COLUMNS
                        + ", live_district) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.districtId(), seq, r.state().name(), blankToNull(r.stateReason()), r.applicationName(),
                r.sourceAddress(), r.registeredById(), r.registeredByName(), r.registeredAt(), r.termsVersion(),
                blankToNull(r.routerRegistrationId()), r.idempotencyKey(), r.sendingUntil(), r.lastRouterContact(),
                blankToNull(r.localitySent()), r.localitySentAt(), 1, r.updatedAt(),
                r.live() ? r.districtId() : null) == 1, false);
    }

    /**
     * Replaces a registration if nobody changed it since it was read at {@code r.version()}.
     *
     * @return false when it changed meanwhile, or when it would become live beside another live one; nothing
     *     is written then
     */
    public static boolean update(Connection connection, Registration r) throws SQLException {
        return Sql.unlessDuplicate(connection, c -> Sql.update(c, """
                    UPDATE nre_registration
                       SET state = ?, live_district = ?, state_reason = ?, application_name = ?, source_address = ?,
                           registered_by_id = ?, registered_by_name = ?, registered_at = ?, terms_version = ?,
                           router_registration_id = ?, sending_until = ?, last_router_contact = ?,
                           locality_sent = ?, locality_sent_at = ?, version = version + 1, updated_at = ?
                     WHERE id = ? AND version = ?""",
                    r.state().name(), r.live() ? r.districtId() : null, blankToNull(r.stateReason()),
                    r.applicationName(), r.sourceAddress(), r.registeredById(), r.registeredByName(),
                    r.registeredAt(), r.termsVersion(), blankToNull(r.routerRegistrationId()), r.sendingUntil(),
                    r.lastRouterContact(), blankToNull(r.localitySent()), r.localitySentAt(), r.updatedAt(), r.id(),
                    r.version()) == 1, false);
    }

    public static void record(Connection connection, String districtId, HistoryEntry entry) throws SQLException {
        Sql.update(connection, """
                INSERT INTO nre_history (district_id, at, actor_id, actor_name, remote_address, action, from_state,
                                         to_state, detail, registration_id, delivery, request_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                districtId, entry.at(), entry.actorId(), entry.actorName(), truncate(entry.remoteAddress(), 64),
                entry.action(), entry.fromState() == null ? null : entry.fromState().name(),
                entry.toState() == null ? null : entry.toState().name(), truncate(entry.detail(), MAX_DETAIL),
                entry.registrationId(), entry.delivery() == null ? null : entry.delivery().name(),
                entry.requestKey());
    }

    public void record(String districtId, HistoryEntry entry) {
        sql.inTransaction(connection -> {
            record(connection, districtId, entry);
            return null;
        });
    }

    /** The newest history first. */
    public List<HistoryEntry> history(String districtId, int limit) {
        return sql.list("""
                SELECT at, actor_id, actor_name, remote_address, action, from_state, to_state, detail,
                       registration_id, delivery, request_key
                  FROM nre_history WHERE district_id = ? ORDER BY id DESC LIMIT ?""",
                row -> new HistoryEntry(Sql.instant(row, "at"), row.getString("actor_id"), row.getString("actor_name"),
                        row.getString("remote_address"), row.getString("action"), state(row.getString("from_state")),
                        state(row.getString("to_state")), row.getString("detail"), row.getString("registration_id"),
                        row.getString("delivery") == null ? null : Delivery.valueOf(row.getString("delivery")),
                        row.getString("request_key")),
                districtId, limit);
    }

    private static Registration read(ResultSet row) throws SQLException {
        return new Registration(
                row.getString("id"),
                row.getString("district_id"),
                row.getInt("seq"),
                RegistrationState.valueOf(row.getString("state")),
                row.getString("state_reason"),
                row.getString("application_name"),
                row.getString("source_address"),
                row.getString("registered_by_id"),
                row.getString("registered_by_name"),
                Sql.instant(row, "registered_at"),
                row.getString("terms_version"),
                row.getString("router_registration_id"),
                row.getString("idempotency_key"),
                Sql.instant(row, "sending_until"),
                Sql.instant(row, "last_router_contact"),
                row.getString("locality_sent"),
                Sql.instant(row, "locality_sent_at"),
                row.getInt("version"),
                Sql.instant(row, "updated_at"));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static RegistrationState state(String name) {
        return name == null ? null : RegistrationState.valueOf(name);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String truncate(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
