package org.nre.hostkit.rights;

import java.util.Collection;

/** The groups a user belongs to. Users and groups are the console's own; the kit asks it when rights change. */
@FunctionalInterface
public interface Memberships {

    /** The ids of the groups the user is a member of; empty when none. */
    Collection<String> groupsOf(String userId);
}
