package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.MariaDb;

/** The same console and plugin on the local MariaDB: the host's and the plugin's migrations run there too. */
@Tag("slow")
class MariaDbConsoleTest {

    @TempDir
    static Path dir;
    static MariaDb mariaDb;
    static TestConsole console;

    @BeforeAll
    static void start() throws IOException {
        mariaDb = MariaDb.freshDatabase();
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        console = TestConsole.start(plugins, dir.resolve("data"), mariaDb.url(), mariaDb.user(),
                TestConsole.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    void thePluginsMigrationRunsOnMariaDbWithAHistoryTableOfItsOwn() {
        var jdbc = console.console().database().jdbc();

        assertThat(console.console().database().product().name()).isEqualTo("MARIADB");
        assertThat(jdbc.list("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " ORDER BY table_name", row -> row.getString(1)))
                .contains("nre_registration", "nre_schema_history", "hostkit_schema_history", "console_schema_history", "host_user");
        assertThat(jdbc.list("SELECT version FROM nre_schema_history WHERE success = 1 AND version = '1'",
                row -> row.getString(1))).containsExactly("1");
    }

    @Test
    void thePanelIsServedFromMariaDb() {
        WebClient admin = console.admin();

        assertThat(admin.get("/healthz").body()).contains("\"state\":\"STARTED\"");
        assertThat(admin.get("/panels/nre").body())
                .containsSubsequence("Exchange Registration:", "Not Registered", "Exchange Status:", "Inactive");
    }

    @Test
    void aMariaDbRunSeedsNoDemoDistrict() {
        assertThat(console.console().database().jdbc().one("SELECT COUNT(*) FROM host_district",
                row -> row.getInt(1))).contains(0);
        assertThat(console.admin().get("/panels/nre").body()).contains("This console has no school district set up");
    }
}
