package org.nre.sample.auth;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a new password must be: long enough, free of the user's name, and hard to guess as zxcvbn measures it
 * (its common-password, name and word lists, keyboard walks, dates, repeats and l33t), which turns away the
 * passwords breach lists are full of.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    /** zxcvbn's top score: at least 10^10 guesses. */
    static final int MIN_SCORE = 4;
    /** zxcvbn's time grows steeply with length (seconds for 256 random characters): only the start is measured. */
    static final int MEASURED_LENGTH = 64;
    /** A login shorter than this is too likely to appear by chance to forbid it as a part. */
    static final int MIN_NAME_PART = 3;

    private PasswordPolicy() {
    }

    /**
     * What is wrong with a password chosen for an account, or null when it is acceptable.
     *
     * @param login the account's user name, which the password may not contain
     * @param names other words about the account (first and last name) that make a password easier to guess
     */
    public static String problem(String password, String login, List<String> names) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.length() > MAX_LENGTH) {
            return "Use at most " + MAX_LENGTH + " characters.";
        }
        if (password.isBlank()) {
            return "A password cannot be only spaces.";
        }
        String name = login == null ? "" : login.strip();
        if (name.length() >= MIN_NAME_PART
                && password.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            return "It contains the user name '" + name + "': choose one that does not.";
        }
        List<String> inputs = Stream.concat(Stream.of(name), names.stream())
                .filter(word -> word != null && !word.isBlank()).map(String::strip).toList();
        Strength strength = Measure.ZXCVBN.measure(password.substring(0, Math.min(password.length(),
                MEASURED_LENGTH)), inputs);
        if (strength.getScore() >= MIN_SCORE) {
            return null;
        }
        return "It is too easy to guess. " + advice(strength.getFeedback());
    }

    private static String advice(Feedback feedback) {
        String warning = feedback.getWarning() == null ? "" : feedback.getWarning().strip();
        String suggestions = feedback.getSuggestions().stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        String said = Stream.of(warning, suggestions).filter(s -> !s.isEmpty()).map(PasswordPolicy::sentence)
                .collect(Collectors.joining(" "));
        return said.isEmpty() ? "Add another word or two, uncommon ones, or use a password manager's random password."
                : said;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /** Loads zxcvbn's dictionaries (about 0.2 s) on the first check, not when the console starts. */
    private static final class Measure {
        // zxcvbn4j keeps no state between measurements: one instance serves every thread.
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }
}
