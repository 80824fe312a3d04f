package org.example.console;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What this console is configured with (application.properties): where plugins and data live, the district, its
 * users with their groups, and the tool rights each group holds.
 *
 * @param pluginsDir the drop folder, a file system path (relative to the working folder)
 * @param dataDir where the key that seals plugin secrets is kept, a file system path
 * @param district the district the console serves
 * @param users the users by login
 * @param grants per right id, the levels (letters of R, W, A, D) each group holds
 */
@ConfigurationProperties("console")
public record ConsoleProperties(String pluginsDir, String dataDir, District district, Map<String, User> users,
                                Map<String, Map<String, String>> grants) {

    public ConsoleProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
        grants = grants == null ? Map.of() : Map.copyOf(grants);
    }

    /** The district: its id, name and two-letter state. */
    public record District(String id, String name, String state) {
    }

    /**
     * A user of the console.
     *
     * @param password the password, hashed or with its {@code {id}} prefix as Spring Security reads it
     * @param name the name shown, "Last, First"
     * @param groups the groups the user belongs to
     */
    public record User(String password, String name, List<String> groups) {

        public User {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }
}
