package org.nre.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;
import org.nre.hostkit.db.Migrations;

/**
 * A fresh, empty database for one test, through HikariCP as a console holds its own: H2 in MariaDB mode in memory
 * by default, or a new database on a running MariaDB or PostgreSQL when asked, dropped when closed. A server that
 * does not answer skips the test, except when the environment variable {@code CI} is {@code true}, where the test
 * fails with what to start.
 *
 * <p>Where the servers are: {@code NRE_TEST_MARIADB} (default {@code jdbc:mariadb://127.0.0.1:3306/}),
 * {@code NRE_TEST_MARIADB_USER} ({@code root}), {@code NRE_TEST_MARIADB_PASSWORD} (empty);
 * {@code NRE_TEST_POSTGRES} (default {@code jdbc:postgresql://127.0.0.1:5432/}), {@code NRE_TEST_POSTGRES_USER}
 * ({@code postgres}), {@code NRE_TEST_POSTGRES_PASSWORD} (empty).
 */
public final class TestDatabase implements AutoCloseable {

    private static final String MARIADB = env("NRE_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String MARIADB_USER = env("NRE_TEST_MARIADB_USER", "root");
    private static final String MARIADB_PASSWORD = env("NRE_TEST_MARIADB_PASSWORD", "");
    private static final String POSTGRES = env("NRE_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String POSTGRES_USER = env("NRE_TEST_POSTGRES_USER", "postgres");
    private static final String POSTGRES_PASSWORD = env("NRE_TEST_POSTGRES_PASSWORD", "");
    private static final int POOL_SIZE = 8;

    private final HikariDataSource pool;
    private final DatabaseProduct product;
    private final String serverDatabase;

    private TestDatabase(HikariDataSource pool, DatabaseProduct product, String serverDatabase) {
        this.pool = pool;
        this.product = product;
        this.serverDatabase = serverDatabase;
    }

    /**
     * A fresh database of a product.
     *
     * @param product which
     * @return the database; close it at the end of the test
     */
    public static TestDatabase of(DatabaseProduct product) {
        return switch (product) {
            case H2 -> h2();
            case MARIADB -> mariaDb();
            case POSTGRESQL -> postgreSql();
        };
    }

    /**
     * The product named by the environment variable {@code NRE_TEST_DATABASE} ({@code h2}, {@code mariadb} or
     * {@code postgresql}), H2 when it is not set.
     *
     * @return the database
     */
    public static TestDatabase fromEnvironment() {
        String name = env("NRE_TEST_DATABASE", "h2").trim().toUpperCase(Locale.ROOT);
        try {
            return of(DatabaseProduct.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NRE_TEST_DATABASE is '" + name.toLowerCase(Locale.ROOT)
                    + "'; use one of h2, mariadb, postgresql", e);
        }
    }

    /**
     * A fresh H2 database in memory, in MariaDB mode as the sample console runs it embedded.
     *
     * @return the database
     */
    public static TestDatabase h2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:test" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(POOL_SIZE);
        return new TestDatabase(new HikariDataSource(config), DatabaseProduct.H2, null);
    }

    /**
     * A fresh database on the MariaDB server, dropped on {@link #close()}.
     *
     * @return the database
     */
    public static TestDatabase mariaDb() {
        String name = freshName();
        try (Connection connection = DriverManager.getConnection(MARIADB + "?connectTimeout=3000", MARIADB_USER,
                MARIADB_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            unavailable("MariaDB is not answering at " + MARIADB + " (" + e.getMessage() + "). Start it, or point "
                    + "NRE_TEST_MARIADB, NRE_TEST_MARIADB_USER and NRE_TEST_MARIADB_PASSWORD at one.");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(MARIADB + name + "?socketTimeout=10000");
        config.setUsername(MARIADB_USER);
        config.setPassword(MARIADB_PASSWORD);
        config.setMaximumPoolSize(POOL_SIZE);
        return new TestDatabase(new HikariDataSource(config), DatabaseProduct.MARIADB, name);
    }

    /**
     * A fresh database on the PostgreSQL server, dropped on {@link #close()}.
     *
     * @return the database
     */
    public static TestDatabase postgreSql() {
        String name = freshName();
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres?connectTimeout=3",
                POSTGRES_USER, POSTGRES_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable("PostgreSQL is not answering at " + POSTGRES + " (" + e.getMessage() + "). Start it (on "
                    + "Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), or point "
                    + "NRE_TEST_POSTGRES, NRE_TEST_POSTGRES_USER and NRE_TEST_POSTGRES_PASSWORD at one.");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(POSTGRES + name + "?socketTimeout=10");
        config.setUsername(POSTGRES_USER);
        config.setPassword(POSTGRES_PASSWORD);
        config.setMaximumPoolSize(POOL_SIZE);
        return new TestDatabase(new HikariDataSource(config), DatabaseProduct.POSTGRESQL, name);
    }

    /**
     * Applies a plugin's migrations as a console does (the host kit's own migrations: the portable files and the
     * product's folder, into the plugin's history table), from the test's class path.
     *
     * @param pluginId the plugin's id, which names its history table
     * @param location the folder of its migrations, such as {@code db/nre}
     * @return what was applied
     */
    public MigrationResult migrate(String pluginId, String location) {
        return new Migrations(pool, product).migratePlugin(pluginId, loader(), location);
    }

    /**
     * Applies a plugin's migrations up to a version only, as an older release of the plugin would: for a test of
     * what an upgrade does to the tables that release left.
     *
     * @param pluginId the plugin's id
     * @param location the folder of its migrations
     * @param version the last version to apply
     * @return what was applied
     */
    public MigrationResult migrateTo(String pluginId, String location, String version) {
        return new Migrations(pool, product).migratePluginTo(pluginId, loader(), location, version);
    }

    /**
     * Connections to the database, as a console's pool gives them.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Which product it is.
     *
     * @return the product
     */
    public DatabaseProduct product() {
        return product;
    }

    /** Closes the pool and drops a server database. */
    @Override
    public void close() {
        pool.close();
        if (serverDatabase != null) {
            boolean postgreSql = product == DatabaseProduct.POSTGRESQL;
            try (Connection connection = postgreSql
                    ? DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, POSTGRES_PASSWORD)
                    : DriverManager.getConnection(MARIADB, MARIADB_USER, MARIADB_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + serverDatabase + (postgreSql ? " WITH (FORCE)" : ""));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop the test database " + serverDatabase, e);
            }
        }
    }

    @Override
    public String toString() {
        return product.name().toLowerCase(Locale.ROOT);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TestDatabase.class.getClassLoader();
    }

    private static String freshName() {
        return "nre_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
