package org.nre.bench.startup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.nre.sample.HostConfig;
import org.nre.sample.auth.Passwords;
import org.nre.sample.db.ConsoleSchema;
import org.nre.sample.db.HostDatabase;
import org.nre.sample.web.WebServer;

/**
 * Times, in a fresh JVM and in the order Console.start runs them, the pieces of the console's start-up that its
 * log cannot separate: the connection pool on a new H2 file, the host's Flyway migrations, the Argon2id hashes a
 * first start computes (the decoy in Passwords' constructor, which every start computes, then the first
 * administrator's and the demo staff's) and Jackson's object mapper. (The simulated router is a plugin now: its
 * start is part of the plugins' start, which the console's log times.) One
 * line per piece: {@code <name>\t<milliseconds>}. Each piece pays its own class loading and runs cold, as at
 * start-up.
 *
 * <p>Usage: {@code java -cp 'benchmarks.jar:lib/*' org.nre.bench.startup.StartupPieces}
 */
public final class StartupPieces {

    private StartupPieces() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("jvm-to-main\t%d%n", ManagementFactory.getRuntimeMXBean().getUptime());
        Path data = Files.createTempDirectory("nre-startup-pieces");
        try {
            HostConfig config = HostConfig.from(new String[] {"--data", data.toString()}, Map.of());
            HostDatabase database = time("pool-open", () -> HostDatabase.open(config));
            time("host-migrations", () -> ConsoleSchema.migrate(database));
            SecureRandom random = new SecureRandom();
            Passwords passwords = new Passwords(random, org.nre.sample.auth.Hashing.forThisJvm());
            time("argon2-admin-hash", () -> passwords.hash("first-administrator-password"));
            time("argon2-demo-hash", () -> passwords.hash("demo-staff-password"));
            // Jackson's databind, built cold: the console builds it on a start-up thread beside the migrations.
            ObjectMapper json = time("json-mapper", WebServer::json);
            database.close();
            System.out.printf("jvm-uptime-at-end\t%d%n", ManagementFactory.getRuntimeMXBean().getUptime());
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static <T> T time(String name, Callable<T> piece) throws Exception {
        long started = System.nanoTime();
        T result = piece.call();
        System.out.printf("%s\t%d%n", name, (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
