package org.nre.sample.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Migrations;
import org.nre.hostkit.db.OwnerOnly;
import org.nre.hostkit.db.RootCause;
import org.nre.sample.ConsoleException;
import org.nre.sample.HostConfig;

/** The console's connection pool and what it runs on. */
public final class HostDatabase implements AutoCloseable {

    static final int MAX_POOL_SIZE = 10;
    // Below MariaDB's default wait_timeout (8 hours) by a wide margin, so the server never closes a
    // connection the pool still trusts (PostgreSQL closes idle connections only when told to).
    static final Duration MAX_LIFETIME = Duration.ofMinutes(30);
    // A request waits at most this long for a connection before it is answered 503: fail fast while the
    // database is down, and let the pool reconnect on its own when it is back.
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    // A dead server must fail a request fast rather than hang it.
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    static final String GALERA_READ_YOUR_WRITES = "SET SESSION wsrep_sync_wait = 1";
    // H2 keeps only 8 parsed statements per connection by default; pages such as the rights matrix run more
    // distinct ones, which would then be parsed again on every request.
    static final int H2_QUERY_CACHE_SIZE = 64;

    private final HikariDataSource pool;
    private final DatabaseProduct product;
    private final Jdbc jdbc;

    private HostDatabase(HikariDataSource pool, DatabaseProduct product) {
        this.pool = pool;
        this.product = product;
        this.jdbc = new Jdbc(pool, product);
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @param config the console's configuration
     * @return the open database
     * @throws ConsoleException when the database cannot be reached, with what to check
     */
    public static HostDatabase open(HostConfig config) {
        DatabaseProduct product = config.databaseProduct();
        OwnerOnly.folder(config.dataDir());
        HostDatabase database = open(config, product, null);
        // On a Galera cluster a read waits until this node has applied what the cluster committed before it: a
        // session, a grant or a registration made through another node is there at the user's next request.
        // A URL that sets wsrep_sync_wait itself keeps its own choice.
        if (product == DatabaseProduct.MARIADB && !config.databaseUrl().contains("wsrep_sync_wait")
                && database.isGalera()) {
            database.close();
            database = open(config, product, GALERA_READ_YOUR_WRITES);
        }
        if (product == DatabaseProduct.H2) {
            OwnerOnly.databaseFiles(config.databaseUrl());
        }
        return database;
    }

    private static HostDatabase open(HostConfig config, DatabaseProduct product, String initSql) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("console");
        hikari.setJdbcUrl(product == DatabaseProduct.H2 ? withQueryCache(config.databaseUrl())
                : withTimeouts(config.databaseUrl()));
        hikari.setUsername(config.databaseUser());
        hikari.setPassword(config.databasePassword());
        hikari.setMaximumPoolSize(MAX_POOL_SIZE);
        hikari.setMaxLifetime(MAX_LIFETIME.toMillis());
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        if (initSql != null) {
            hikari.setConnectionInitSql(initSql);
        }
        try {
            return new HostDatabase(new HikariDataSource(hikari), product);
        } catch (HikariPool.PoolInitializationException e) {
            throw new ConsoleException("Cannot connect to the database at " + config.databaseUrl() + ": "
                    + RootCause.message(e) + ". Check that the server is running and that the URL, NRE_DB_USER and "
                    + "NRE_DB_PASSWORD are right.", e);
        }
    }

    /** Adds the socket and connect timeouts a URL does not set: MariaDB's driver counts them in ms, PostgreSQL's in s. */
    static String withTimeouts(String url) {
        boolean seconds = url.startsWith("jdbc:postgresql:");
        String separator = url.contains("?") ? "&" : "?";
        StringBuilder out = new StringBuilder(url);
        if (!url.contains("socketTimeout=")) {
            out.append(separator).append("socketTimeout=")
                    .append(seconds ? SOCKET_TIMEOUT.toSeconds() : SOCKET_TIMEOUT.toMillis());
            separator = "&";
        }
        if (!url.contains("connectTimeout=")) {
            out.append(separator).append("connectTimeout=")
                    .append(seconds ? CONNECTION_TIMEOUT.toSeconds() : CONNECTION_TIMEOUT.toMillis());
        }
        return out.toString();
    }

    static String withQueryCache(String url) {
        return url.toUpperCase(java.util.Locale.ROOT).contains(";QUERY_CACHE_SIZE=") ? url
                : url + ";QUERY_CACHE_SIZE=" + H2_QUERY_CACHE_SIZE;
    }

    /** Whether the database is a node of a Galera cluster (MariaDB with wsrep on). */
    boolean isGalera() {
        try (Connection connection = pool.getConnection(); java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery("SELECT @@wsrep_on")) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            return false; // a server without Galera's variables
        }
    }

    /** Meters the pool (connections active, idle, pending, timeouts, wait times) as hikaricp_* in the registry. */
    public void meterInto(MeterRegistry registry) {
        pool.setMetricRegistry(registry);
    }

    public DataSource dataSource() {
        return pool;
    }

    public DatabaseProduct product() {
        return product;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    /**
     * Whether the database answers a real query on one of the console's tables: a pool can hand out connections
     * that look valid to a database that closed itself (H2 does so after running out of memory).
     */
    public boolean isUp() {
        try (Connection connection = pool.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            try (java.sql.ResultSet rows = statement.executeQuery(
                    "SELECT installed_rank FROM " + Migrations.KIT_HISTORY_TABLE + " WHERE installed_rank = 1")) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
