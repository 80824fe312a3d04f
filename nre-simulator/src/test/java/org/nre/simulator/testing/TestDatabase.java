package org.nre.simulator.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;

/**
 * A fresh database for one test: H2 in MariaDB mode in memory, or a new database on the local MariaDB (skipped
 * when MariaDB does not answer, except when CI=true, where the test fails). Migrations run as a console runs a
 * plugin's: Flyway, the plugin's class path, a history table of the plugin's own with a baseline of 0.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String HISTORY_TABLE = "simulated_router_schema_history";

    static final String MARIADB = System.getenv().getOrDefault("NRE_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/");
    static final String MARIADB_USER = System.getenv().getOrDefault("NRE_TEST_MARIADB_USER", "root");
    static final String MARIADB_PASSWORD = System.getenv().getOrDefault("NRE_TEST_MARIADB_PASSWORD", "");

    private final HikariDataSource pool;
    private final String mariaDbName;

    private TestDatabase(HikariDataSource pool, String mariaDbName) {
        this.pool = pool;
        this.mariaDbName = mariaDbName;
    }

    public static TestDatabase of(DatabaseProduct product) {
        return product == DatabaseProduct.H2 ? h2() : mariaDb();
    }

    public static TestDatabase h2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:sim" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(8);
        return new TestDatabase(new HikariDataSource(config), null);
    }

    public static TestDatabase mariaDb() {
        String name = "sim_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(MARIADB + "?connectTimeout=3000", MARIADB_USER,
                MARIADB_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            String message = "MariaDB is not answering at " + MARIADB + " (" + e.getMessage() + "); start it or set "
                    + "NRE_TEST_MARIADB, NRE_TEST_MARIADB_USER and NRE_TEST_MARIADB_PASSWORD.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(MARIADB + name + "?socketTimeout=10000");
        config.setUsername(MARIADB_USER);
        config.setPassword(MARIADB_PASSWORD);
        config.setMaximumPoolSize(4);
        return new TestDatabase(new HikariDataSource(config), name);
    }

    public DataSource dataSource() {
        return pool;
    }

    public MigrationResult migrate(String location) {
        var result = Flyway.configure(getClass().getClassLoader()).dataSource(pool)
                .locations("classpath:" + location).table(HISTORY_TABLE)
                .baselineOnMigrate(true).baselineVersion("0").failOnMissingLocations(true).load().migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion != null ? result.initialSchemaVersion : "";
        return new MigrationResult(result.migrationsExecuted, version, HISTORY_TABLE);
    }

    /** Runs statements separated by ';', such as a script of DDL. */
    public void run(String script) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The script failed: " + e.getMessage(), e);
        }
    }

    /** The count a query answers, such as {@code SELECT COUNT(*) FROM sim_terms}. */
    public long count(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
        if (mariaDbName != null) {
            try (Connection connection = DriverManager.getConnection(MARIADB, MARIADB_USER, MARIADB_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + mariaDbName);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop " + mariaDbName, e);
            }
        }
    }
}
