package org.example.console;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.nre.conformance.ConformanceHost;
import org.nre.conformance.HostConformanceTests;
import org.nre.hostkit.HostKit;
import org.nre.hostkit.KitHostNode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot console does every host duty: the conformance kit's tests, run against real nodes of it. */
@Tag("slow")
class SpringBootHostConformanceTest extends HostConformanceTests {

    @TempDir
    static Path data;

    @Override
    protected ConformanceHost host() {
        return (pluginsDir, jdbcUrl) -> {
            // The nodes of one database share a data folder, as a cluster's nodes share the key that seals secrets.
            Path dataDir = data.resolve(UUID.nameUUIDFromBytes(jdbcUrl.getBytes(StandardCharsets.UTF_8)).toString());
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class).run(
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=" + ConformanceHost.DATABASE_USER,
                    "--console.plugins-dir=" + pluginsDir,
                    "--console.data-dir=" + dataDir,
                    "--console.users.sysadmin.password={noop}conformance-sysadmin-password",
                    "--console.users.teacher.password={noop}conformance-teacher-password");
            return new KitHostNode(context.getBean(HostKit.class), context);
        };
    }
}
