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
 * @param limitedHolders whether the hint limits who should hold the right, so that the console asks for
 *     confirmation before granting it to a group and warns when it is granted widely; true whenever
 *     {@code expectedHolders} is set
 * @param expectedHolders how many people at most should hold the right (2 for "the system administrator and
 *     their backup"), or 0 when the definition states no number; the console asks for confirmation, naming
 *     who would gain the right, before a change takes the holders beyond it
 */
public record RightDefinition(String id, String label, List<String> path, String description,
                              Set<Level> levels, String holderHint, boolean limitedHolders, int expectedHolders) {

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
        if (expectedHolders < 0) {
            throw new HostApiException("Field 'expectedHolders' of right '" + id
                    + "' cannot be negative; use 0 when the right states no number");
        }
        limitedHolders = limitedHolders || expectedHolders > 0;
    }

    /**
     * A right that states no number of holders, as plugins built for host API 0.2.0 define it.
     *
     * @param id a unique id
     * @param label the name administrators see
     * @param path the right's place in the rights tree
     * @param description what the right allows
     * @param levels the levels the right offers
     * @param holderHint who should hold the right
     * @param limitedHolders whether the hint limits who should hold the right
     */
    public RightDefinition(String id, String label, List<String> path, String description, Set<Level> levels,
                           String holderHint, boolean limitedHolders) {
        this(id, label, path, description, levels, holderHint, limitedHolders, 0);
    }

    /**
     * This right with a number of people who should hold it at most.
     *
     * @param holders the number, at least 1
     * @return the right, limited to that many holders
     */
    public RightDefinition withExpectedHolders(int holders) {
        if (holders < 1) {
            throw new HostApiException("Right '" + id + "' needs at least 1 expected holder, not " + holders);
        }
        return new RightDefinition(id, label, path, description, levels, holderHint, true, holders);
    }

    /**
     * Whether the definition states how many people should hold the right.
     *
     * @return true when {@link #expectedHolders()} is above 0
     */
    public boolean statesHolderCount() {
        return expectedHolders > 0;
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
