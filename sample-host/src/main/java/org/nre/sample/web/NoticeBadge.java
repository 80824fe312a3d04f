package org.nre.sample.web;

import java.util.List;

/**
 * The viewer's open notices, most severe first, as every page's header counts them and shows the critical ones.
 *
 * @param all every open notice addressed to the viewer
 */
public record NoticeBadge(List<NoticeView> all) {

    static final NoticeBadge NONE = new NoticeBadge(List.of());

    public NoticeBadge {
        all = List.copyOf(all);
    }

    public int count() {
        return all.size();
    }

    /** The tone of the most severe: danger, warning or info (empty when there are none). */
    public String tone() {
        return all.isEmpty() ? "" : all.get(0).tone();
    }

    /** The critical ones, shown on every page but the notices page. */
    public List<NoticeView> critical() {
        return all.stream().filter(NoticeView::critical).toList();
    }

    /** What a screen reader says of the badge: "3 open notices, 1 needs action now". */
    public String described() {
        int critical = critical().size();
        String text = count() + (count() == 1 ? " open notice" : " open notices");
        return critical == 0 ? text : text + ", " + critical + " " + (critical == 1 ? "needs" : "need")
                + " action now";
    }
}
