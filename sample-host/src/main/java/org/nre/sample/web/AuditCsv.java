package org.nre.sample.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.nre.hostkit.audit.ActionNames;
import org.nre.hostkit.audit.AuditStore;

/**
 * Audit entries as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break in
 * quotes, quotes doubled), safe to open in a spreadsheet: a value that starts with =, +, -, @, a tab or a CR is
 * written after a single quote, so that no entry's text runs as a formula.
 */
final class AuditCsv {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Writer out;
    private final ZoneId zone;
    private final ActionNames names;

    AuditCsv(Writer out, ZoneId zone, ActionNames names) {
        this.out = out;
        this.zone = zone;
        this.names = names;
    }

    void header() {
        row(List.of("Id", "Time (" + zone.getId() + ")", "Source", "Source name", "User id", "User", "From address",
                "Action", "Action name", "Outcome", "Detail"));
    }

    void entry(AuditStore.Entry e) {
        row(List.of(String.valueOf(e.id()), TIME.format(e.at().atZone(zone)), e.source(), names.sourceName(e.source()),
                e.actorId(), e.actorName(), e.remoteAddress(), e.action(), names.label(e.source(), e.action()),
                e.outcome().name(), e.detail()));
    }

    private void row(List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(cells.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field: defused, then quoted when it must be. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
