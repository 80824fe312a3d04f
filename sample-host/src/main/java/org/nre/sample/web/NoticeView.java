package org.nre.sample.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.nre.hostapi.notice.Severity;
import org.nre.hostkit.notice.ShownNotice;
import org.nre.hostkit.plugins.Contributions;

/**
 * A notice as a page shows it: every text is the plugin's, escaped by the template.
 *
 * @param id the notice's id
 * @param tone the page's tone for its severity: danger, warning or info
 * @param severity what its severity means, in words
 * @param title its title
 * @param text its text
 * @param deadline by when to act, in the console's time zone, or empty
 * @param href the panel it links to, or empty when the viewer cannot open one
 * @param link the link's text, or empty
 * @param from the plugin that raised it
 * @param opened when it opened, in the console's time zone
 * @param dismissible whether the viewer may hide it
 */
public record NoticeView(long id, String tone, String severity, String title, String text, String deadline,
                         String href, String link, String from, String opened, boolean dismissible) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.US);

    static NoticeView of(ShownNotice notice, Contributions contributions, ZoneId zone) {
        String href = "";
        String link = "";
        if (notice.panelId() != null) {
            var panel = contributions.panel(notice.panelId());
            if (panel.isPresent()) {
                href = "/panels/" + notice.panelId();
                link = "Open " + panel.get().definition().title();
            }
        }
        return new NoticeView(notice.id(), tone(notice.severity()), words(notice.severity()), notice.title(),
                notice.text(), notice.deadline() == null ? "" : time(notice.deadline(), zone), href, link,
                notice.pluginId(), time(notice.openedAt(), zone), notice.dismissible());
    }

    static List<NoticeView> of(List<ShownNotice> notices, Contributions contributions, ZoneId zone) {
        return notices.stream().map(n -> of(n, contributions, zone)).toList();
    }

    static String tone(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "danger";
            case WARNING -> "warning";
            case INFO -> "info";
        };
    }

    static String words(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Needs action now";
            case WARNING -> "Needs action";
            case INFO -> "For your information";
        };
    }

    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    public boolean critical() {
        return tone.equals("danger");
    }
}
