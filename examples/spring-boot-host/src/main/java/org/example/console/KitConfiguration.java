package org.example.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.district.District;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.HostKit;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.rights.Grant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The host kit as a bean: migrated, the configured grants applied, the plugins started; closed with the context. */
@Configuration
public class KitConfiguration {

    static final String PRODUCT = "Spring Boot Console";

    @Bean(destroyMethod = "close")
    public HostKit hostKit(DataSource dataSource, ConsoleProperties properties) {
        ConsoleProperties.District district = properties.district();
        HostKit kit = HostKit.builder()
                .database(dataSource, DatabaseProduct.H2)
                .clock(Clock.systemUTC())
                .host(new HostInfo(PRODUCT, "0.1.0", "spring-console", address(), ZoneId.systemDefault()))
                .district(() -> Optional.ofNullable(district)
                        .map(d -> new District(d.id(), d.name(), d.state(), List.of())))
                .memberships(login -> Optional.ofNullable(properties.users().get(login))
                        .map(ConsoleProperties.User::groups).orElse(List.of()))
                .addressees(new ConfiguredAddressees(properties))
                .pluginsDir(Path.of(properties.pluginsDir()))
                .secrets(Path.of(properties.dataDir()), System.getenv("CONSOLE_SECRETS_KEY"))
                .build();
        kit.migrate();
        grant(kit, properties.grants());
        kit.startPlugins();
        return kit;
    }

    /** Each configured right's grants replace what the database held, as one versioned change. */
    private static void grant(HostKit kit, Map<String, Map<String, String>> grants) {
        for (Map.Entry<String, Map<String, String>> right : grants.entrySet()) {
            List<Grant> granted = new ArrayList<>();
            right.getValue().forEach((group, letters) -> granted.add(new Grant(Grant.Subject.GROUP, group,
                    right.getKey(), Grant.parse(letters.strip()))));
            Version current = kit.rights().version(right.getKey());
            kit.rights().replace(right.getKey(), granted, new Version(current.number() + 1, "configuration",
                    Instant.now(), "granted from application.properties"));
        }
    }

    private static String address() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
