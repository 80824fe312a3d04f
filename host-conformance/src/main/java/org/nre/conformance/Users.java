package org.nre.conformance;

import java.util.Locale;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.user.ActingUser;

/** The users the kit asks for panels as: each holds exactly the rights given here. */
final class Users {

    private static final String ADDRESS = "127.0.0.1";

    private Users() {
    }

    /** A user who holds no right at all. */
    static ActingUser nobody() {
        return new ActingUser("conformance-nobody", "Nobody, Conformance", ADDRESS, RightSet.none());
    }

    /** A user who holds one right at one level (and so read, which every level implies), and nothing else. */
    static ActingUser holding(String rightId, Level level) {
        RightSet rights = (id, asked) -> id.equals(rightId) && level.implies(asked);
        return new ActingUser("conformance-" + level.name().toLowerCase(Locale.ROOT),
                "Holder of " + level.letter() + ", Conformance", ADDRESS, rights);
    }
}
