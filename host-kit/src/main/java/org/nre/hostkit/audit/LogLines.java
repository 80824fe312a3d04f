package org.nre.hostkit.audit;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The console's log output: every line the logger writes is {@link Printable#escape escaped}, so a value in a
 * message (a path, a plugin's text, an exception's message) cannot start a forged line. The logger writes a
 * message and each line of a stack trace with one {@code println} each; only the line ends it adds are real.
 */
public final class LogLines extends PrintStream {

    public LogLines(OutputStream out, Charset charset) {
        super(out, true, charset);
    }

    /** Makes {@code System.out}, where the logger writes, escape its lines; once. */
    public static void install() {
        if (!(System.out instanceof LogLines)) {
            System.setOut(new LogLines(System.out, Charset.defaultCharset()));
        }
    }

    @Override
    public void println(String line) {
        super.println(Printable.escape(line));
    }

    @Override
    public void println(Object line) {
        super.println(Printable.escape(String.valueOf(line)));
    }
}
