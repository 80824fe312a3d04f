package org.nre.plugin.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;
import org.junit.jupiter.api.Assumptions;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.storage.MigrationResult;

/**
 * A fresh database for one test: H2 in MariaDB mode in memory, or a new database on the local MariaDB or
 * PostgreSQL (skipped when the server does not answer, except when CI=true, where the test fails). Migrations run
 * as the sample console runs them: Flyway, the plugin's class path, a history table of the plugin's own, the
 * portable files and the product's folder.
 */
public final class TestDatabase implements AutoCloseable {

    static final String MARIADB = System.getenv().getOrDefault("NRE_TEST_MARIADB", "jdbc:mariadb://127.0.0.1:3306/");
    static final String MARIADB_USER = System.getenv().getOrDefault("NRE_TEST_MARIADB_USER", "root");
    static final String MARIADB_PASSWORD = System.getenv().getOrDefault("NRE_TEST_MARIADB_PASSWORD", "");
    static final String POSTGRES = System.getenv().getOrDefault("NRE_TEST_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/");
    static final String POSTGRES_USER = System.getenv().getOrDefault("NRE_TEST_POSTGRES_USER", "postgres");
    static final String POSTGRES_PASSWORD = System.getenv().getOrDefault("NRE_TEST_POSTGRES_PASSWORD", "");

    private final HikariDataSource pool;
    private final DatabaseProduct product;
    private final String serverDbName;

    private TestDatabase(HikariDataSource pool, DatabaseProduct product, String serverDbName) {
        this.pool = pool;
        this.product = product;
        this.serverDbName = serverDbName;
    }

    public static TestDatabase of(DatabaseProduct product) {
        return switch (product) {
            case H2 -> h2();
            case MARIADB -> mariaDb();
            case POSTGRESQL -> postgreSql();
        };
    }

    public static TestDatabase h2() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:nre" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(8);
        return new TestDatabase(new HikariDataSource(config), DatabaseProduct.H2, null);
    }

    public static TestDatabase mariaDb() {
        String name = "nre_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(MARIADB + "?connectTimeout=3000", MARIADB_USER,
                MARIADB_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            unavailable("MariaDB is not answering at " + MARIADB + " (" + e.getMessage() + "); start it (see "
                    + ".ci/run) or set NRE_TEST_MARIADB, NRE_TEST_MARIADB_USER and NRE_TEST_MARIADB_PASSWORD.");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(MARIADB + name + "?socketTimeout=10000");
        config.setUsername(MARIADB_USER);
        config.setPassword(MARIADB_PASSWORD);
        config.setMaximumPoolSize(8);
        return new TestDatabase(new HikariDataSource(config), DatabaseProduct.MARIADB, name);
    }

    public static TestDatabase postgreSql() {
        String name = "nre_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres?connectTimeout=3", POSTGRES_USER,
                POSTGRES_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            unavailable("PostgreSQL is not answering at " + POSTGRES + " (" + e.getMessage() + "); start it with "
                    + "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start (see .ci/run) or set "
                    + "NRE_TEST_POSTGRES, NRE_TEST_POSTGRES_USER and NRE_TEST_POSTGRES_PASSWORD.");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(POSTGRES + name + "?socketTimeout=10");
        config.setUsername(POSTGRES_USER);
        config.setPassword(POSTGRES_PASSWORD);
        config.setMaximumPoolSize(8);
        return new TestDatabase(new HikariDataSource(config), DatabaseProduct.POSTGRESQL, name);
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message);
        }
        Assumptions.abort(message);
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseProduct product() {
        return product;
    }

    public MigrationResult migrate(String location) {
        return migrate(location, null);
    }

    /** Migrates up to a version only, such as the schema an older plugin left, or to the latest when null. */
    public MigrationResult migrate(String location, String target) {
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader()).dataSource(pool)
                .locations("classpath:" + location).table("nre_schema_history")
                .baselineOnMigrate(true).baselineVersion("0");
        if (target != null) {
            configuration.target(target);
        }
        Scanner<JavaMigration> scanner = new Scanner<>(JavaMigration.class, configuration, configuration.getLocations());
        var result = configuration.resourceProvider(new ProductFolders(scanner, product))
                .javaMigrationClassProvider(scanner).load().migrate();
        return new MigrationResult(result.migrationsExecuted,
                result.targetSchemaVersion == null ? "" : result.targetSchemaVersion, "nre_schema_history");
    }

    @Override
    public void close() {
        pool.close();
        if (serverDbName != null) {
            boolean postgreSql = product == DatabaseProduct.POSTGRESQL;
            try (Connection connection = postgreSql
                    ? DriverManager.getConnection(POSTGRES + "postgres", POSTGRES_USER, POSTGRES_PASSWORD)
                    : DriverManager.getConnection(MARIADB, MARIADB_USER, MARIADB_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + serverDbName + (postgreSql ? " WITH (FORCE)" : ""));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop " + serverDbName, e);
            }
        }
    }

    /**
     * The migration files a console runs on the product, as the host kit picks them: the portable ones, and those
     * of the product's folder (H2's, then MariaDB's on H2), which take the place of a portable file of the same name.
     */
    private record ProductFolders(ResourceProvider scanned, DatabaseProduct product) implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return scanned.getResource(name);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<String> folders = product == DatabaseProduct.H2 ? List.of("h2", "mariadb") : List.of(product.folder());
            Map<String, LoadableResource> chosen = new LinkedHashMap<>();
            Map<String, Integer> ranks = new LinkedHashMap<>();
            for (LoadableResource resource : scanned.getResources(prefix, suffixes)) {
                String path = resource.getRelativePath().replace('\\', '/');
                String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
                int rank = folders.contains(first) ? folders.indexOf(first) : folders.size();
                boolean otherProduct = rank == folders.size() && List.of(DatabaseProduct.values()).stream()
                        .anyMatch(p -> p.folder().equals(first));
                String name = rank < folders.size() ? path.substring(first.length() + 1) : path;
                if (!otherProduct && rank < ranks.getOrDefault(name, Integer.MAX_VALUE)) {
                    ranks.put(name, rank);
                    chosen.put(name, resource);
                }
            }
            return new ArrayList<>(chosen.values());
        }
    }
}
