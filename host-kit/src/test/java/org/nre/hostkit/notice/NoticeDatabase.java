package org.nre.hostkit.notice;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightDefinition;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.Migrations;
import org.nre.hostkit.plugins.Contributions;

/**
 * A database with the kit's tables for notice tests: H2 in memory, or a fresh one on the local MariaDB or
 * PostgreSQL. Each {@link #node()} is a pool of its own over it, as a console node holds.
 */
final class NoticeDatabase implements AutoCloseable {

    /** Two plugins: "alpha" with the right alpha.jobs and the panel alpha-jobs, "beta" with beta.jobs. */
    static final Contributions PLUGINS = new Contributions(List.of(), Map.of(
            "alpha.jobs", new Contributions.Right("alpha", right("alpha.jobs")),
            "beta.jobs", new Contributions.Right("beta", right("beta.jobs"))), Map.of(
            "alpha-jobs", new Contributions.Panel("alpha", new PanelDefinition("alpha-jobs", "Jobs", "alpha.jobs",
                    List.of()), null, null),
            "beta-jobs", new Contributions.Panel("beta", new PanelDefinition("beta-jobs", "Jobs", "beta.jobs",
                    List.of()), null, null)));

    private final DatabaseProduct product;
    private final ServerDatabase server;
    private final String h2Url;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private NoticeDatabase(DatabaseProduct product) {
        this.product = product;
        this.server = product == DatabaseProduct.H2 ? null : ServerDatabase.fresh(product);
        this.h2Url = "jdbc:h2:mem:notices" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    static NoticeDatabase fresh(DatabaseProduct product) {
        NoticeDatabase database = new NoticeDatabase(product);
        new Migrations(database.pool(), product).migrateKit();
        return database;
    }

    DatabaseProduct product() {
        return product;
    }

    /** A pool of its own over the database, as one console node has. */
    Jdbc node() {
        return new Jdbc(pool(), product);
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server == null ? h2Url : server.url());
        if (server != null) {
            config.setUsername(server.user());
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        pools.add(pool);
        return pool;
    }

    private static RightDefinition right(String id) {
        return new RightDefinition(id, "Jobs", List.of("Jobs"), "", Set.of(Level.READ, Level.WRITE), "", false);
    }

    @Override
    public void close() {
        pools.forEach(HikariDataSource::close);
        if (server != null) {
            server.close();
        }
    }
}
