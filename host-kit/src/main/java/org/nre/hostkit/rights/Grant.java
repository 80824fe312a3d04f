package org.nre.hostkit.rights;

import java.util.EnumSet;
import java.util.Set;
import org.nre.hostapi.rights.Level;

/**
 * A tool right granted to a user or a group, at some levels.
 *
 * @param subject whether a user or a group holds it
 * @param subjectId the user's or group's id
 * @param rightId the right
 * @param levels the levels granted (each also grants read)
 */
public record Grant(Subject subject, String subjectId, String rightId, Set<Level> levels) {

    /** Who holds a grant. */
    public enum Subject { USER, GROUP }

    public Grant {
        levels = levels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(levels));
    }

    /** The levels as the letters consoles show, in R, W, A, D order. */
    public static String letters(Set<Level> levels) {
        StringBuilder text = new StringBuilder();
        for (Level level : Level.values()) {
            if (levels.contains(level)) {
                text.append(level.letter());
            }
        }
        return text.toString();
    }

    /** The levels named by letters such as {@code RW}; an unknown letter is refused, naming it. */
    public static Set<Level> parse(String letters) {
        EnumSet<Level> levels = EnumSet.noneOf(Level.class);
        for (char letter : letters.toCharArray()) {
            levels.add(Level.ofLetter(letter));
        }
        return levels;
    }
}
