package org.nre.hostkit.notice;

import java.util.List;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostkit.HostKitException;

/** The console's notices: kept in the database, shown to their audience, e-mailed once. */
public final class NoticeBoard {

    /** The notices of one plugin. */
    public Notices forPlugin(String pluginId) {
        return new Notices() {
            @Override
            public boolean raise(Notice notice) {
                throw new HostKitException("Notices are not kept yet");
            }

            @Override
            public boolean clear(String key) {
                throw new HostKitException("Notices are not kept yet");
            }

            @Override
            public List<Notice> open() {
                throw new HostKitException("Notices are not kept yet");
            }
        };
    }
}
