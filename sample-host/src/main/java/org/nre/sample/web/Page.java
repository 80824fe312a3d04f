package org.nre.sample.web;

import java.util.List;
import org.nre.hostkit.menu.MenuTree;

/**
 * What every page's layout needs.
 *
 * @param title the page's title
 * @param productName the console's name
 * @param viewer who is signed in, or null on the sign-in page
 * @param menu the menu the viewer can see
 * @param currentPanelId the panel the page shows, or empty
 * @param flashTone the tone of a message carried over from the last change, or empty
 * @param flashText that message, or empty
 * @param form the refused form that message speaks of, to fill in again, or {@link KeptForm#NONE}
 * @param notices the viewer's open notices, for the header
 */
public record Page(String title, String productName, Viewer viewer, List<MenuTree.Node> menu, String currentPanelId,
                   String flashTone, String flashText, KeptForm form, NoticeBadge notices) {

    public Page {
        menu = List.copyOf(menu);
        currentPanelId = currentPanelId == null ? "" : currentPanelId;
        flashTone = flashTone == null ? "" : flashTone;
        flashText = flashText == null ? "" : flashText;
        form = form == null ? KeptForm.NONE : form;
        notices = notices == null ? NoticeBadge.NONE : notices;
    }

    /** A message that says something did not work is read out at once; others politely. */
    public boolean flashUrgent() {
        return flashTone.equals("danger") || flashTone.equals("warning");
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public String csrf() {
        return viewer == null ? "" : viewer.session().csrfToken();
    }
}
