package org.nre.plugin.registration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.nre.plugin.storage.Sql;

/**
 * Registrations and their history in the plugin's own tables. A registration changes only from the
 * version the caller read ({@link #update} answers false otherwise), and history is only ever added to.
 */
public final class RegistrationStore {

    static final int MAX_DETAIL = 2000;
    private static final String COLUMNS = """
            district_id, state, state_reason, application_name, source_address, registered_by_id,
            registered_by_name, registered_at, terms_version, router_registration_id, idempotency_key,
            last_router_contact, version, updated_at""";

    private final Sql sql;

    public RegistrationStore(Sql sql) {
        this.sql = sql;
    }

    public Sql sql() {
        return sql;
    }

    public Optional<Registration> find(String districtId) {
        return sql.one("SELECT " + COLUMNS + " FROM nre_registration WHERE district_id = ?",
                RegistrationStore::read, districtId);
    }

    public static Optional<Registration> find(Connection connection, String districtId) throws SQLException {
        List<Registration> rows = Sql.list(connection, "SELECT " + COLUMNS + " FROM nre_registration WHERE district_id = ?",
                RegistrationStore::read, districtId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Stores the first registration of a district.
     *
     * @return false when the district already has one (another request got there first)
     */
    public static boolean insert(Connection connection, Registration r) throws SQLException {
        try {
            return Sql.update(connection, "INSERT INTO nre_registration (" + COLUMNS + ") "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    r.districtId(), r.state().name(), blankToNull(r.stateReason()), r.applicationName(),
                    r.sourceAddress(), r.registeredById(), r.registeredByName(), r.registeredAt(), r.termsVersion(),
                    blankToNull(r.routerRegistrationId()), r.idempotencyKey(), r.lastRouterContact(), 1,
                    r.updatedAt()) == 1;
        } catch (SQLException e) {
            if (Sql.isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces a registration if nobody changed it since it was read at {@code r.version()}.
     *
     * @return false when it changed meanwhile; nothing is written then
     */
    public static boolean update(Connection connection, Registration r) throws SQLException {
        return Sql.update(connection, """
                UPDATE nre_registration
                   SET state = ?, state_reason = ?, application_name = ?, source_address = ?, registered_by_id = ?,
                       registered_by_name = ?, registered_at = ?, terms_version = ?, router_registration_id = ?,
                       idempotency_key = ?, last_router_contact = ?, version = version + 1, updated_at = ?
                 WHERE district_id = ? AND version = ?""",
                r.state().name(), blankToNull(r.stateReason()), r.applicationName(), r.sourceAddress(),
                r.registeredById(), r.registeredByName(), r.registeredAt(), r.termsVersion(),
                blankToNull(r.routerRegistrationId()), r.idempotencyKey(), r.lastRouterContact(), r.updatedAt(),
                r.districtId(), r.version()) == 1;
    }

    public static void record(Connection connection, String districtId, HistoryEntry entry) throws SQLException {
        Sql.update(connection, """
                INSERT INTO nre_history (district_id, at, actor_id, actor_name, remote_address, action, from_state,
                                         to_state, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                districtId, entry.at(), entry.actorId(), entry.actorName(), truncate(entry.remoteAddress(), 64),
                entry.action(), entry.fromState() == null ? null : entry.fromState().name(),
                entry.toState() == null ? null : entry.toState().name(), truncate(entry.detail(), MAX_DETAIL));
    }

    public void record(String districtId, HistoryEntry entry) {
        sql.inTransaction(connection -> {
            record(connection, districtId, entry);
            return null;
        });
    }

    /**
     * A registration and until when a request for it is on its way.
     *
     * @param registration the registration
     * @param sendingUntil until when a registration request is being sent, or null when none is
     */
    public record Shown(Registration registration, Instant sendingUntil) {

        /** Whether a registration request is being sent at {@code now}. */
        public boolean sending(Instant now) {
            return sendingUntil != null && now.isBefore(sendingUntil);
        }
    }

    /** The registration as the panel shows it, read in one query. */
    public Optional<Shown> shown(String districtId) {
        return sql.one("SELECT " + COLUMNS + ", sending_until FROM nre_registration WHERE district_id = ?",
                row -> new Shown(read(row), Sql.instant(row, "sending_until")), districtId);
    }

    /** The newest history first. */
    public List<HistoryEntry> history(String districtId, int limit) {
        return sql.list("""
                SELECT at, actor_id, actor_name, remote_address, action, from_state, to_state, detail
                  FROM nre_history WHERE district_id = ? ORDER BY id DESC LIMIT ?""",
                row -> new HistoryEntry(Sql.instant(row, "at"), row.getString("actor_id"), row.getString("actor_name"),
                        row.getString("remote_address"), row.getString("action"), state(row.getString("from_state")),
                        state(row.getString("to_state")), row.getString("detail")),
                districtId, limit);
    }

    private static Registration read(ResultSet row) throws SQLException {
        return new Registration(
                row.getString("district_id"),
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
                Sql.instant(row, "last_router_contact"),
                row.getInt("version"),
                Sql.instant(row, "updated_at"));
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
