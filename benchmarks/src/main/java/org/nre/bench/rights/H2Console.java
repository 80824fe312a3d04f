package org.nre.bench.rights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.nre.sample.HostConfig;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;

/** The console's database as the console opens it (HikariCP, host migrations), on an in-memory H2 in MariaDB mode. */
final class H2Console implements AutoCloseable {

    final HostDatabase database;
    private final Path dataDir;

    private H2Console(HostDatabase database, Path dataDir) {
        this.database = database;
        this.dataDir = dataDir;
    }

    static H2Console open(Population population) throws Exception {
        Path dataDir = Files.createTempDirectory("nre-rights-bench");
        String url = "jdbc:h2:mem:rights-" + UUID.randomUUID()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        HostConfig config = HostConfig.from(new String[] {"--db-url", url, "--data", dataDir.toString(),
                "--demo-data", "false"}, Map.of());
        HostDatabase database = HostDatabase.open(config);
        try {
            ConsoleSchema.migrate(database);
            try (var connection = database.dataSource().getConnection()) {
                population.writeTo(connection);
            }
        } catch (Exception | Error e) {
            database.close();
            throw e;
        }
        return new H2Console(database, dataDir);
    }

    @Override
    public void close() throws Exception {
        database.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
