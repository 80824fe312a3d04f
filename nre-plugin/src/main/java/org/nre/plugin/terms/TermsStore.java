package org.nre.plugin.terms;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.nre.plugin.storage.Sql;

/** Published terms and every acceptance of them. Rows are added and marked as sent, never removed. */
public final class TermsStore {

    private static final String ACCEPTANCE_COLUMNS = """
            id, district_id, terms_version, terms_digest, accepted_by_id, accepted_by_name, accepted_at,
            remote_address, idempotency_key, sent_at, registration_id, refused_reason""";

    private final Sql sql;

    public TermsStore(Sql sql) {
        this.sql = sql;
    }

    /** The terms fetched most recently. */
    public Optional<Terms> latest() {
        return sql.one("""
                SELECT version, digest, effective_date, body, fetched_at FROM nre_terms
                 ORDER BY fetched_at DESC LIMIT 1""", TermsStore::terms);
    }

    /**
     * Stores terms fetched now. A version and text already known get the new fetch time; a new text under a
     * known version is stored beside the old one, so that what was accepted stays on record.
     *
     * @return true when this version and text were not known before
     */
    public boolean save(Terms terms) {
        return sql.inTransaction(connection -> {
            int updated = Sql.update(connection, "UPDATE nre_terms SET fetched_at = ? WHERE version = ? AND digest = ?",
                    terms.fetchedAt(), terms.version(), terms.digest());
            if (updated > 0) {
                return false;
            }
            // False when another node stored the same terms at the same moment.
            return Sql.unlessDuplicate(connection, c -> Sql.update(c, """
                    INSERT INTO nre_terms (version, digest, effective_date, body, fetched_at)
                    VALUES (?, ?, ?, ?, ?)""",
                    terms.version(), terms.digest(), terms.effectiveDate(), terms.text(), terms.fetchedAt()) == 1, false);
        });
    }

    public static long accept(Connection connection, TermsAcceptance a) throws SQLException {
        Sql.update(connection, """
                INSERT INTO nre_terms_acceptance (district_id, terms_version, terms_digest, accepted_by_id,
                       accepted_by_name, accepted_at, remote_address, idempotency_key, sent_at, registration_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                a.districtId(), a.termsVersion(), a.termsDigest(), a.acceptedById(), a.acceptedByName(),
                a.acceptedAt(), a.remoteAddress(), a.idempotencyKey(), a.sentAt(), a.registrationId());
        return Sql.list(connection, "SELECT MAX(id) FROM nre_terms_acceptance WHERE idempotency_key = ?",
                row -> row.getLong(1), a.idempotencyKey()).get(0);
    }

    public void markSent(long id, Instant at) {
        sql.update("UPDATE nre_terms_acceptance SET sent_at = ? WHERE id = ? AND sent_at IS NULL", at, id);
    }

    /** Marks an acceptance as refused by the router, so that it is not sent again. */
    public void markRefused(long id, Instant at, String reason) {
        sql.update("UPDATE nre_terms_acceptance SET sent_at = ?, refused_reason = ? WHERE id = ? AND sent_at IS NULL",
                at, reason.length() > 1000 ? reason.substring(0, 1000) : reason, id);
    }

    /** Marks as sent the acceptance that travelled inside the registration request with this key. */
    public static void markSentWith(Connection connection, String idempotencyKey, Instant at) throws SQLException {
        Sql.update(connection, "UPDATE nre_terms_acceptance SET sent_at = ? WHERE idempotency_key = ? "
                + "AND sent_at IS NULL", at, idempotencyKey);
    }

    /** The district's acceptances, newest first. */
    public List<TermsAcceptance> acceptances(String districtId) {
        return sql.list("SELECT " + ACCEPTANCE_COLUMNS + " FROM nre_terms_acceptance WHERE district_id = ? "
                + "ORDER BY accepted_at DESC, id DESC", TermsStore::acceptance, districtId);
    }

    /** The acceptances made for a registration that have not reached the router yet, oldest first. */
    public List<TermsAcceptance> unsent(String registrationId) {
        return sql.list("SELECT " + ACCEPTANCE_COLUMNS + " FROM nre_terms_acceptance WHERE registration_id = ? "
                + "AND sent_at IS NULL ORDER BY id", TermsStore::acceptance, registrationId);
    }

    /** The text of terms the console fetched, by version and digest. */
    public Optional<Terms> find(String version, String digest) {
        return sql.one("SELECT version, digest, effective_date, body, fetched_at FROM nre_terms "
                + "WHERE version = ? AND digest = ?", TermsStore::terms, version, digest);
    }

    private static Terms terms(ResultSet row) throws SQLException {
        return new Terms(row.getString("version"), row.getObject("effective_date", LocalDate.class),
                row.getString("digest"), row.getString("body"), Sql.instant(row, "fetched_at"));
    }

    private static TermsAcceptance acceptance(ResultSet row) throws SQLException {
        return new TermsAcceptance(row.getLong("id"), row.getString("district_id"), row.getString("terms_version"),
                row.getString("terms_digest"), row.getString("accepted_by_id"), row.getString("accepted_by_name"),
                Sql.instant(row, "accepted_at"), row.getString("remote_address"), row.getString("idempotency_key"),
                Sql.instant(row, "sent_at"), row.getString("registration_id"), row.getString("refused_reason"));
    }
}
