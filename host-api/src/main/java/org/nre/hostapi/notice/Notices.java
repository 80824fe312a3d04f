package org.nre.hostapi.notice;

import java.util.List;

/**
 * The plugin's console-wide notices. Notices are kept by the console, shared by all its nodes: any node may raise
 * or clear a notice, and its audience is told once, whichever node raised it first. Calls are cheap enough for a
 * plugin to make whenever it learns the state of what a notice is about, but they write to the database: make them
 * from tasks and actions, not from every view.
 */
public interface Notices {

    /**
     * Opens the notice, or brings an open notice with the same key up to date. Its audience is told (shown the
     * notice and, where the console sends mail, e-mailed) once, when it opens; an update changes what they see.
     *
     * @param notice the notice
     * @return true when the notice opened now, false when it was open already
     * @throws org.nre.hostapi.HostApiException when the audience names a right the plugin does not define, or the
     *     link names a panel it does not contribute
     */
    boolean raise(Notice notice);

    /**
     * Closes the notice with this key, when it is open.
     *
     * @param key the plugin's name for it
     * @return true when an open notice closed now
     */
    boolean clear(String key);

    /**
     * The plugin's open notices.
     *
     * @return the open notices, oldest first
     */
    List<Notice> open();
}
