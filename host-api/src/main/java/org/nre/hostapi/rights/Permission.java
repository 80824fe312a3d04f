package org.nre.hostapi.rights;

import java.util.Objects;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * A right at a level: what a menu entry, panel or action needs.
 *
 * @param rightId the right's id, as in {@link RightDefinition#id()}
 * @param level the level needed
 */
public record Permission(String rightId, Level level) {

    /** Checks the fields. */
    public Permission {
        Fields.requireId(rightId, "rightId");
        if (level == null) {
            throw new HostApiException("Field 'level' cannot be null");
        }
    }

    /**
     * Read access to a right.
     *
     * @param rightId the right's id
     * @return the permission to read it
     */
    public static Permission read(String rightId) {
        return new Permission(rightId, Level.READ);
    }

    /**
     * The permission in the short form consoles show, such as {@code nre.registration:W}.
     *
     * @return the right's id, a colon, and the level's letter
     */
    @Override
    public String toString() {
        return Objects.requireNonNull(rightId) + ":" + level.letter();
    }
}
