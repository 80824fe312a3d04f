package org.nre.plugin.testing;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.district.CensusLocality;
import org.nre.hostapi.district.District;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.user.ActingUser;
import org.nre.testkit.TestUsers;

/** The console the plugin's tests run it in (PluginFixture.harness): its facts, its district and its users. */
public final class TestHost {

    public static final District DISTRICT = new District("IL-0150", "Prairie Valley CUSD 150", "IL", List.of(
            new CensusLocality("High School", "Springfield", "62704", 612),
            new CensusLocality("High School", "Chatham", "62629", 241),
            new CensusLocality("High School", "Rochester", "62563", 9),
            new CensusLocality("Middle School", "Springfield", "62711", 138)));
    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final HostInfo HOST = new HostInfo("Test Console", "1.0", "med1", "127.0.0.1", ZONE);
    /** The district system administrator: every level of both of the plugin's rights. */
    public static final ActingUser ADMIN = user("jdoe", "Doe, Jane", "10.0.0.7");
    /** The name of the plugin's status poller on the scheduler. */
    public static final String POLLER = "status";

    private TestHost() {
    }

    /** Another administrator of the district, holding what the system administrator holds. */
    public static ActingUser user(String id, String name) {
        return user(id, name, "10.0.0.9");
    }

    private static ActingUser user(String id, String name, String address) {
        ActingUser holder = TestUsers.withRights(id, name, Map.of(
                "nre.registration", Set.of(Level.READ, Level.WRITE, Level.DELETE),
                "nre.settings", Set.of(Level.READ, Level.WRITE)));
        return new ActingUser(id, name, address, holder.rights());
    }
}
