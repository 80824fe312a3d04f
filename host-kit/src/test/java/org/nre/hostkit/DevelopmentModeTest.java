package org.nre.hostkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.notice.Addressees;
import org.nre.hostkit.plugins.PluginStatus;

/** A plugin module that development mode cannot load yet is told what to run, not PF4J's internals. */
class DevelopmentModeTest {

    @TempDir
    Path dir;

    private HikariDataSource pool;
    private HostKit kit;

    @AfterEach
    void stop() {
        if (kit != null) {
            kit.close();
        }
        pool.close();
    }

    @Test
    void aModuleNeverBuiltOrCompiledButNeverPackagedIsToldToRunMvnPackageOnce() throws Exception {
        Path neverBuilt = Files.createDirectories(dir.resolve("never-built"));
        Path compiledOnly = Files.createDirectories(dir.resolve("compiled-only").resolve("target").resolve("classes"))
                .getParent().getParent();

        start(List.of(neverBuilt, compiledOnly));

        assertThat(problemsOf("never-built")).singleElement().asString()
                .contains("has no target/ folder: it was never built", "Run 'mvn package' once in it")
                .doesNotContain("PluginDescriptorFinder");
        assertThat(problemsOf("compiled-only")).singleElement().asString()
                .contains("compiled but never packaged", "Run 'mvn package' once in it")
                .doesNotContain("PluginDescriptorFinder");
    }

    private List<String> problemsOf(String module) {
        return kit.plugins().statuses().stream().filter(status -> status.id().equals(module))
                .map(PluginStatus::problems).findFirst().orElseThrow();
    }

    private void start(List<Path> modules) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + dir.getFileName() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        pool = new HikariDataSource(config);
        kit = HostKit.builder()
                .database(pool, DatabaseProduct.H2)
                .host(new HostInfo("Test Console", "1", "test", "127.0.0.1", ZoneId.of("UTC")))
                .district(Optional::empty)
                .memberships(userId -> List.of())
                .addressees(Addressees.none())
                .pluginsDir(Files.createDirectories(dir.resolve("plugins")))
                .developmentPlugins(modules)
                .secrets(dir.resolve("data"), null)
                .nodeId("node-1")
                .build();
        kit.migrate();
        kit.startPlugins();
    }
}
