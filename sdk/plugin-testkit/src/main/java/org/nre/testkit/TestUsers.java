package org.nre.testkit;

import java.util.Map;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.user.ActingUser;

/** Users for a test, holding exactly the rights it gives them at the levels it gives (as in a console, every level also grants R). */
public final class TestUsers {

    private static final String ADDRESS = "192.0.2.10";

    private TestUsers() {
    }

    /**
     * A user holding one right.
     *
     * @param id the user's id, also their display name
     * @param rightId the right
     * @param levels the levels held, each of which also grants R
     * @return the user
     */
    public static ActingUser holding(String id, String rightId, Level... levels) {
        return withRights(id, Map.of(rightId, Set.of(levels)));
    }

    /**
     * A user holding several rights.
     *
     * @param id the user's id, also their display name
     * @param rights each right and the levels held on it
     * @return the user
     */
    public static ActingUser withRights(String id, Map<String, Set<Level>> rights) {
        Map<String, Set<Level>> held = Map.copyOf(rights);
        RightSet set = (rightId, level) -> held.getOrDefault(rightId, Set.of()).stream()
                .anyMatch(own -> own.implies(level));
        return new ActingUser(id, id, ADDRESS, set);
    }

    /**
     * A user with a display name of their own, holding several rights.
     *
     * @param id the user's id
     * @param displayName the name the console shows, such as "Doe, Jane"
     * @param rights each right and the levels held on it
     * @return the user
     */
    public static ActingUser withRights(String id, String displayName, Map<String, Set<Level>> rights) {
        return new ActingUser(id, displayName, ADDRESS, withRights(id, rights).rights());
    }

    /**
     * A signed-in user who holds no right.
     *
     * @param id the user's id
     * @return the user
     */
    public static ActingUser withoutRights(String id) {
        return new ActingUser(id, id, ADDRESS, RightSet.none());
    }
}
