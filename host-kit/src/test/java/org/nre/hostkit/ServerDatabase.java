package org.nre.hostkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.nre.hostapi.storage.DatabaseProduct;

/**
 * A fresh database on the local MariaDB or PostgreSQL for one test (or test class), dropped afterwards. When the
 * server does not answer, tests are skipped on a developer's machine but fail when CI=true.
 */
public final class ServerDatabase implements AutoCloseable {

    /**
     * One server the tests use: where it is, who they are, what follows the URL to reach the server itself (to
     * create and drop databases, failing fast), and how to start it when it does not answer.
     */
    private record Server(String url, String user, String password, String createOptions, String dropOptions,
                          String maintenance, String variables, String howToStart) {
    }

    static final Server MARIADB = new Server(
            System.getenv().getOrDefault("NRE_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/"),
            System.getenv().getOrDefault("NRE_TEST_MARIADB_USER", "root"),
            System.getenv().getOrDefault("NRE_TEST_MARIADB_PASSWORD", ""),
            " CHARACTER SET utf8mb4", "", "?connectTimeout=3000",
            "NRE_TEST_MARIADB, NRE_TEST_MARIADB_USER and NRE_TEST_MARIADB_PASSWORD", "Start it (see .ci/run)");
    static final Server POSTGRESQL = new Server(
            System.getenv().getOrDefault("NRE_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/"),
            System.getenv().getOrDefault("NRE_TEST_POSTGRES_USER", "postgres"),
            System.getenv().getOrDefault("NRE_TEST_POSTGRES_PASSWORD", ""),
            "", " WITH (FORCE)", "postgres?connectTimeout=3",
            "NRE_TEST_POSTGRES, NRE_TEST_POSTGRES_USER and NRE_TEST_POSTGRES_PASSWORD",
            "Start it with pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (see .ci/run)");

    private final Server server;
    private final DatabaseProduct product;
    private final String name;

    private ServerDatabase(Server server, DatabaseProduct product, String name) {
        this.server = server;
        this.product = product;
        this.name = name;
    }

    /** A fresh database on the local server of a product: MariaDB or PostgreSQL. */
    public static ServerDatabase fresh(DatabaseProduct product) {
        Server server = switch (product) {
            case MARIADB -> MARIADB;
            case POSTGRESQL -> POSTGRESQL;
            case H2 -> throw new IllegalArgumentException("H2 runs embedded, on no server");
        };
        String name = "nre_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(server.url() + server.maintenance(),
                server.user(), server.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + server.createOptions());
        } catch (SQLException e) {
            String message = product + " is not answering at " + server.url() + " as " + server.user() + " ("
                    + e.getMessage() + "). " + server.howToStart() + " or set " + server.variables() + ".";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        return new ServerDatabase(server, product, name);
    }

    public DatabaseProduct product() {
        return product;
    }

    public String url() {
        return server.url() + name;
    }

    /** The server's address, for a proxy in front of it. */
    public String host() {
        return address().getHost();
    }

    /** The server's port, for a proxy in front of it. */
    public int port() {
        return address().getPort();
    }

    /** The database's URL through another port on this machine, such as a proxy's. */
    public String urlThrough(int port) {
        URI address = address();
        return "jdbc:" + address.getScheme() + "://" + address.getHost() + ":" + port + "/" + name;
    }

    /** A plain JDBC connection to the database, for checking what the console stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), server.user(), server.password());
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    private URI address() {
        return URI.create(server.url().substring("jdbc:".length()));
    }

    @Override
    public void close() {
        try (Connection connection = DriverManager.getConnection(server.url() + server.maintenance(),
                server.user(), server.password()); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + server.dropOptions());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test database " + name, e);
        }
    }
}
