package org.nre.hostkit.audit;

/**
 * Text made safe for a log line or an audit entry: CR, LF, tab, other control characters and the invisible
 * format characters (such as a right-to-left override) are written as escapes ({@code \r}, {@code \n},
 * {@code \t}, {@code \u001b}), so that a value nobody checked cannot forge a line or hide what it says.
 */
public final class Printable {

    private Printable() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (unsafe && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped == null) {
                continue;
            }
            if (!unsafe) {
                escaped.append(c);
            } else if (c == '\r') {
                escaped.append("\\r");
            } else if (c == '\n') {
                escaped.append("\\n");
            } else if (c == '\t') {
                escaped.append("\\t");
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped == null ? text : escaped.toString();
    }
}
