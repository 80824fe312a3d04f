package org.nre.sample.rights;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;

/**
 * A user's effective rights, computed once when the user's or their groups' rights change, so that a
 * check is a map lookup and a bit test, with no database call.
 */
public final class EffectiveRights implements RightSet {

    private static final EffectiveRights ADMINISTRATOR = new EffectiveRights(Map.of(), true);
    private static final EffectiveRights NONE = new EffectiveRights(Map.of(), false);

    private final Map<String, Set<Level>> levels;
    private final boolean administrator;

    private EffectiveRights(Map<String, Set<Level>> levels, boolean administrator) {
        this.levels = levels;
        this.administrator = administrator;
    }

    /** A console administrator holds every right at every level. */
    public static EffectiveRights administrator() {
        return ADMINISTRATOR;
    }

    public static EffectiveRights none() {
        return NONE;
    }

    /** Rights from granted levels; each granted level also grants the levels it implies. */
    public static EffectiveRights of(Map<String, ? extends Set<Level>> granted) {
        Map<String, Set<Level>> closed = new java.util.HashMap<>();
        granted.forEach((rightId, grantedLevels) -> {
            EnumSet<Level> set = EnumSet.noneOf(Level.class);
            for (Level level : grantedLevels) {
                set.add(level);
                set.add(Level.READ);
            }
            closed.put(rightId, set);
        });
        return new EffectiveRights(Map.copyOf(closed), false);
    }

    @Override
    public boolean allows(String rightId, Level level) {
        if (administrator) {
            return true;
        }
        Set<Level> held = levels.get(rightId);
        return held != null && held.contains(level);
    }

    public boolean isAdministrator() {
        return administrator;
    }
}
