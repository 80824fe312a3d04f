package org.nre.hostapi.rights;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * A tool right a plugin defines, shown in the console's tool-rights tree.
 *
 * @param id a unique id such as {@code nre.registration}
 * @param label the name administrators see, such as "National Records Exchange"
 * @param path the right's place in the rights tree, outermost first (the same path as its menu entry)
 * @param description what the right allows, one sentence per level is a good guide
 * @param levels the levels the right offers; read is always among them
 * @param holderHint who should hold the right, shown where rights are assigned; empty when anyone may
 * @param limitedHolders whether the hint limits who should hold the right, so that the console warns
 *     when it is granted widely
 */
public record RightDefinition(String id, String label, List<String> path, String description,
                              Set<Level> levels, String holderHint, boolean limitedHolders) {

    /** Checks and copies the fields. */
    public RightDefinition {
        Fields.requireId(id, "id");
        Fields.requireText(label, "label");
        path = Fields.copyOfTexts(path, "path");
        if (path.isEmpty()) {
            throw new HostApiException("Field 'path' of right '" + id + "' needs at least one element");
        }
        description = Fields.orEmpty(description);
        if (levels == null || levels.isEmpty()) {
            throw new HostApiException("Field 'levels' of right '" + id + "' needs at least one level");
        }
        if (!levels.contains(Level.READ)) {
            throw new HostApiException("Field 'levels' of right '" + id
                    + "' must contain READ: every other level implies it");
        }
        levels = Set.copyOf(EnumSet.copyOf(levels));
        holderHint = Fields.orEmpty(holderHint);
    }

    /**
     * Whether the right offers a level.
     *
     * @param level the level
     * @return true when the level is one of this right's levels
     */
    public boolean offers(Level level) {
        return levels.contains(level);
    }
}
