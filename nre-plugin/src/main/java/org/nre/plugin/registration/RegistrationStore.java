package org.nre.plugin.registration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads and writes registrations in the plugin's own table. */
public final class RegistrationStore {

    private static final String SELECT_BY_DISTRICT = """
            SELECT district_id, state, state_reason, application_name, source_address, registered_by_id,
                   registered_by_name, registered_at, terms_version, router_registration_id,
                   last_router_contact, version
              FROM nre_registration
             WHERE district_id = ?""";

    private final DataSource dataSource;

    /**
     * Creates a store over the host's database, whose schema the plugin's migrations have created.
     *
     * @param dataSource the host's connection pool
     */
    public RegistrationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The district's registration.
     *
     * @param districtId the district
     * @return the registration, or empty when the district has never registered
     */
    public Optional<Registration> find(String districtId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT_BY_DISTRICT)) {
            statement.setString(1, districtId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("Could not read the registration of district '" + districtId + "'", e);
        }
    }

    private static Registration read(ResultSet rows) throws SQLException {
        return new Registration(
                rows.getString("district_id"),
                RegistrationState.valueOf(rows.getString("state")),
                rows.getString("state_reason"),
                rows.getString("application_name"),
                rows.getString("source_address"),
                rows.getString("registered_by_id"),
                rows.getString("registered_by_name"),
                instant(rows.getObject("registered_at", LocalDateTime.class)),
                rows.getString("terms_version"),
                rows.getString("router_registration_id"),
                instant(rows.getObject("last_router_contact", LocalDateTime.class)),
                rows.getInt("version"));
    }

    // Times are stored as UTC wall-clock values, read and written as LocalDateTime, so that neither the
    // JVM's nor the server's time zone (nor a daylight-saving gap) shifts them.
    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
