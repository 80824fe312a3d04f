package org.nre.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KitDatabaseTest {

    private static final String SECRET = "a-secret-of-some-length";

    private KitDatabase database;

    @BeforeEach
    void createTables() throws SQLException {
        database = KitDatabase.fresh();
        try (Connection connection = DriverManager.getConnection(database.url(), ConformanceHost.DATABASE_USER, "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE plain (id INT PRIMARY KEY, note VARCHAR(100), body CLOB)");
            statement.execute("CREATE TABLE sealed (id INT PRIMARY KEY, ciphertext VARCHAR(200), raw VARBINARY(200))");
            statement.execute("CREATE TABLE demo_schema_history (installed_rank INT, version VARCHAR(50), "
                    + "type VARCHAR(20), success BOOLEAN)");
            statement.execute("INSERT INTO demo_schema_history VALUES (1, '0', 'BASELINE', TRUE), "
                    + "(2, '1', 'SQL', TRUE), (3, '2', 'SQL', FALSE)");
        }
    }

    @AfterEach
    void dropTheDatabase() {
        database.close();
    }

    @Test
    void aTextIsFoundInTheClearInBase64OrAsBytesInAnyColumn() throws SQLException {
        insert("INSERT INTO plain VALUES (1, ?, NULL)", "before " + SECRET + " after");
        insert("INSERT INTO sealed VALUES (1, ?, NULL)",
                Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        insert("INSERT INTO sealed VALUES (2, NULL, ?)", SECRET.getBytes(StandardCharsets.UTF_8));

        assertThat(database.placesHolding(SECRET)).containsExactlyInAnyOrder("plain.note", "sealed.ciphertext",
                "sealed.raw");
    }

    @Test
    void aTextStoredNowhereIsFoundNowhere() throws SQLException {
        insert("INSERT INTO plain VALUES (1, ?, ?)", "nothing to see", "nor here");

        assertThat(database.placesHolding(SECRET)).isEmpty();
    }

    @Test
    void theTablesAreListedWithoutTheDatabasesCatalogue() {
        assertThat(database.tables()).containsExactlyInAnyOrder("plain", "sealed", "demo_schema_history");
        assertThat(database.columns("sealed")).containsExactlyInAnyOrder("id", "ciphertext", "raw");
    }

    @Test
    void aHistoryListsTheVersionsMigratedWithoutItsBaselineOrAFailure() {
        assertThat(database.migratedVersions("demo_schema_history")).containsExactly("1");
        assertThat(database.histories()).containsOnlyKeys("demo_schema_history");
    }

    private void insert(String sql, Object... values) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), ConformanceHost.DATABASE_USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
