package org.nre.hostapi.panel;

import org.nre.hostapi.HostApiException;
import org.nre.hostapi.user.ActingUser;

/**
 * Who asks a panel for its view or an action.
 *
 * @param user the acting user
 */
public record PanelRequest(ActingUser user) {

    /** Checks the fields. */
    public PanelRequest {
        if (user == null) {
            throw new HostApiException("Field 'user' cannot be null");
        }
    }
}
