package org.nre.hostapi.rights;

/** A user's effective rights, computed by the host ahead of time so that asking is cheap. */
public interface RightSet {

    /**
     * Whether the user holds a right at a level, directly, through a group, or by a level implying it.
     *
     * @param rightId the right's id
     * @param level the level asked for
     * @return true when the user may act at that level
     */
    boolean allows(String rightId, Level level);

    /**
     * Whether the user holds a permission.
     *
     * @param permission the right and level asked for
     * @return true when the user may act at that level
     */
    default boolean allows(Permission permission) {
        return allows(permission.rightId(), permission.level());
    }

    /**
     * A right set that allows nothing.
     *
     * @return the empty right set
     */
    static RightSet none() {
        return (rightId, level) -> false;
    }
}
