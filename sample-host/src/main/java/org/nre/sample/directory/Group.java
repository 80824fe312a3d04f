package org.nre.sample.directory;

import java.util.List;

/**
 * A group of users, to which tool rights can be granted.
 *
 * @param id the group's stable id
 * @param name its name
 * @param description what it is for
 * @param memberIds the ids of its members
 */
public record Group(String id, String name, String description, List<String> memberIds) {

    public Group {
        memberIds = List.copyOf(memberIds);
    }
}
