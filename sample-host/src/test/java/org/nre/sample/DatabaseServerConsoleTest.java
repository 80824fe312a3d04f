package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ServerDatabase;

/**
 * The same console and plugin on the local MariaDB and PostgreSQL: the host's and the plugin's migrations run
 * there too, each into its own history.
 */
@Tag("slow")
@ParameterizedClass
@EnumSource(value = DatabaseProduct.class, names = {"MARIADB", "POSTGRESQL"})
class DatabaseServerConsoleTest {

    @TempDir
    static Path dir;
    static ServerDatabase server;
    static TestConsole console;

    @Parameter
    DatabaseProduct product;

    @BeforeParameterizedClassInvocation
    static void start(DatabaseProduct product) throws IOException {
        server = ServerDatabase.fresh(product);
        Path root = dir.resolve(product.folder());
        Path plugins = TestConsole.dropFolderWithNrePlugin(root);
        console = TestConsole.start(plugins, root.resolve("data"), server);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePluginsMigrationRunsThereWithAHistoryTableOfItsOwn() throws Exception {
        var jdbc = console.console().database().jdbc();

        assertThat(console.console().database().product()).isEqualTo(product);
        List<String> tables = new ArrayList<>();
        try (var connection = server.connect();
             var rows = connection.getMetaData().getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("nre_registration", "nre_schema_history", "hostkit_schema_history",
                "console_schema_history", "host_user");
        assertThat(jdbc.list("SELECT script FROM nre_schema_history WHERE success = TRUE AND version = '1'",
                row -> row.getString(1))).containsExactly(product == DatabaseProduct.POSTGRESQL
                        ? "postgresql/V1__create_registration.sql" : "V1__create_registration.sql");
        assertThat(jdbc.list("SELECT script FROM hostkit_schema_history WHERE version = '1'",
                row -> row.getString(1))).containsExactly(product == DatabaseProduct.POSTGRESQL
                        ? "postgresql/V1__host_kit.sql" : "V1__host_kit.sql");
    }

    @Test
    void thePanelIsServedFromThere() {
        WebClient admin = console.adminWithTools();

        assertThat(admin.get("/healthz").body()).contains("\"state\":\"STARTED\"");
        assertThat(admin.get("/panels/nre").body())
                .containsSubsequence("Exchange Registration:", "Not Registered", "Exchange Status:", "Inactive");
    }

    @Test
    void aRunOnADatabaseServerSeedsNoDemoDistrict() {
        assertThat(console.console().database().jdbc().one("SELECT COUNT(*) FROM host_district",
                row -> row.getInt(1))).contains(0);
        assertThat(console.adminWithTools().get("/panels/nre").body()).contains("This console has no school district set up");
    }
}
