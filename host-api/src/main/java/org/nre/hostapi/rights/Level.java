package org.nre.hostapi.rights;

import java.util.Locale;
import org.nre.hostapi.HostApiException;

/** A level of a tool right. Write, add and delete each imply read. */
public enum Level {
    /** R: view. */
    READ('R'),
    /** W: change. */
    WRITE('W'),
    /** A: add. */
    ADD('A'),
    /** D: delete. */
    DELETE('D');

    private final char letter;

    Level(char letter) {
        this.letter = letter;
    }

    /**
     * The letter consoles show for this level.
     *
     * @return one of R, W, A, D
     */
    public char letter() {
        return letter;
    }

    /**
     * Whether holding this level also grants the other one.
     *
     * @param other the level asked for
     * @return true when this level is the other one, or when the other one is read
     */
    public boolean implies(Level other) {
        return this == other || other == READ;
    }

    /**
     * The level for a letter, ignoring case.
     *
     * @param letter one of R, W, A, D
     * @return the level
     * @throws HostApiException when the letter is none of those
     */
    public static Level ofLetter(char letter) {
        char upper = Character.toUpperCase(letter);
        for (Level level : values()) {
            if (level.letter == upper) {
                return level;
            }
        }
        throw new HostApiException("Level '" + letter + "' is unknown; use one of R, W, A, D");
    }

    /**
     * The level for a letter or a name such as {@code write}, ignoring case.
     *
     * @param text a letter or a name
     * @return the level
     * @throws HostApiException when the text names no level
     */
    public static Level parse(String text) {
        if (text != null && text.length() == 1) {
            return ofLetter(text.charAt(0));
        }
        if (text != null) {
            for (Level level : values()) {
                if (level.name().equals(text.toUpperCase(Locale.ROOT))) {
                    return level;
                }
            }
        }
        throw new HostApiException("Level '" + text + "' is unknown; use one of R, W, A, D");
    }
}
