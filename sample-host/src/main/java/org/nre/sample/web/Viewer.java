package org.nre.sample.web;

import org.nre.hostapi.user.ActingUser;
import org.nre.sample.auth.Session;
import org.nre.sample.directory.Account;

/**
 * Who is asking: the signed-in session, its account, and the acting user handed to plugins.
 *
 * @param session the session
 * @param account the signed-in account
 * @param user the acting user, with the account's effective rights and the request's address
 */
public record Viewer(Session session, Account account, ActingUser user) {

    public boolean administrator() {
        return account.administrator();
    }
}
