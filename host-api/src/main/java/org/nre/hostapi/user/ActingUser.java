package org.nre.hostapi.user;

import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.rights.RightSet;

/**
 * The user on whose behalf the host calls a plugin.
 *
 * @param id the user's stable id in the host
 * @param displayName the name consoles show, "Last, First", such as "Administrator, System"
 * @param remoteAddress the address the request came from, or {@code local} for the host itself
 * @param rights the user's effective rights
 */
public record ActingUser(String id, String displayName, String remoteAddress, RightSet rights) {

    /** The address of work the host does by itself, such as scheduled tasks. */
    public static final String LOCAL_ADDRESS = "local";

    /** Checks the fields. */
    public ActingUser {
        Fields.requireText(id, "id");
        Fields.requireText(displayName, "displayName");
        Fields.requireText(remoteAddress, "remoteAddress");
        if (rights == null) {
            throw new HostApiException("Field 'rights' cannot be null");
        }
    }

    /**
     * The host itself, for work no person started (scheduled tasks); it holds no rights.
     *
     * @return the system user
     */
    public static ActingUser system() {
        return new ActingUser("system", "System", LOCAL_ADDRESS, RightSet.none());
    }

    /**
     * The user without the rights, for logs.
     *
     * @return id, name and address
     */
    @Override
    public String toString() {
        return "ActingUser[id=" + id + ", displayName=" + displayName + ", remoteAddress=" + remoteAddress + "]";
    }
}
