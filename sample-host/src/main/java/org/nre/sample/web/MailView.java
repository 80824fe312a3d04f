package org.nre.sample.web;

import java.time.ZoneId;
import java.util.List;
import org.nre.hostkit.notice.DeliveryProblem;
import org.nre.hostkit.notice.MailStatus;

/**
 * How the notices' e-mail goes, for console administrators.
 *
 * @param configured whether the console sends mail at all
 * @param server where mail goes, without the password
 * @param lastSent when a notice was last e-mailed, or empty
 * @param waiting how many e-mails are still to be sent
 * @param givenUp how many were given up
 * @param problems the most recent e-mails that could not be sent
 */
public record MailView(boolean configured, String server, String lastSent, long waiting, long givenUp,
                       List<Problem> problems) {

    static final MailView NONE = new MailView(false, "", "", 0, 0, List.of());

    public MailView {
        problems = List.copyOf(problems);
    }

    /**
     * An e-mail that could not be sent.
     *
     * @param title the notice's title
     * @param address where it should go
     * @param attempts how often it was tried
     * @param error what the mail server or the network answered
     * @param next when it is tried again, or "given up"
     */
    public record Problem(String title, String address, int attempts, String error, String next) {
    }

    static MailView of(MailStatus status, List<DeliveryProblem> problems, ZoneId zone) {
        return new MailView(status.configured(), status.server(),
                status.lastSentAt() == null ? "" : NoticeView.time(status.lastSentAt(), zone), status.waiting(),
                status.givenUp(), problems.stream().map(p -> new Problem(p.noticeTitle(), p.address(), p.attempts(),
                        p.lastError(), p.givenUp() ? "given up" : NoticeView.time(p.nextAttemptAt(), zone))).toList());
    }
}
