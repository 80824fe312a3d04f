package org.nre.hostkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database on the local MariaDB for one test class, dropped afterwards. When MariaDB does not
 * answer, tests are skipped on a developer's machine but fail when CI=true.
 */
public final class MariaDb implements AutoCloseable {

    static final String SERVER = System.getenv().getOrDefault("NRE_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/");
    static final String USER = System.getenv().getOrDefault("NRE_TEST_MARIADB_USER", "root");
    static final String PASSWORD = System.getenv().getOrDefault("NRE_TEST_MARIADB_PASSWORD", "");

    private final String name;

    private MariaDb(String name) {
        this.name = name;
    }

    public static MariaDb freshDatabase() {
        String name = "nre_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER + "?connectTimeout=3000", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            String message = "MariaDB is not answering at " + SERVER + " as " + USER + " (" + e.getMessage()
                    + "). Start it (see .ci/run) or set NRE_TEST_MARIADB, NRE_TEST_MARIADB_USER and "
                    + "NRE_TEST_MARIADB_PASSWORD.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new MariaDb(name);
    }

    public String url() {
        return SERVER + name;
    }

    /** The database's URL through another port on this machine, such as a proxy's. */
    public String urlThrough(int port) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + name;
    }

    /** A plain JDBC connection to the database, for checking what the console stored. */
    public java.sql.Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }
}
