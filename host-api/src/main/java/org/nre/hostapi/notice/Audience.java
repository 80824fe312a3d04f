package org.nre.hostapi.notice;

import java.util.Objects;
import org.nre.hostapi.Fields;
import org.nre.hostapi.rights.Level;

/** Who a notice is for: the holders of one of the plugin's rights at a level, or one user. */
public sealed interface Audience permits Audience.RightHolders, Audience.OneUser {

    /**
     * Everyone who holds the right at the level (or at a level that implies it), directly or through a group,
     * when the console shows or sends the notice.
     *
     * @param rightId a right the plugin itself defines
     * @param level the level they must hold
     */
    record RightHolders(String rightId, Level level) implements Audience {

        /** Checks the fields. */
        public RightHolders {
            Fields.requireId(rightId, "rightId");
            Objects.requireNonNull(level, "level");
        }
    }

    /**
     * One user, such as the person who started something the plugin now reports on.
     *
     * @param userId the user's id, as {@code ActingUser.id()} gave it
     */
    record OneUser(String userId) implements Audience {

        /** Checks the fields. */
        public OneUser {
            Fields.requireText(userId, "userId");
        }
    }

    /**
     * The holders of a right at a level.
     *
     * @param rightId a right the plugin defines
     * @param level the level they must hold
     * @return the audience
     */
    static Audience holdersOf(String rightId, Level level) {
        return new RightHolders(rightId, level);
    }

    /**
     * One user.
     *
     * @param userId the user's id
     * @return the audience
     */
    static Audience user(String userId) {
        return new OneUser(userId);
    }
}
