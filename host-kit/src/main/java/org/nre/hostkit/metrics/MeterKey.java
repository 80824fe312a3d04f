package org.nre.hostkit.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** One meter as a plugin asks for it: the same kind, name and tags give the same meter. */
record MeterKey(MeterType type, String name, List<String> tags) {

    /** A key over a copy of the tags; a null among them is kept, for the shape check to refuse with its message. */
    static MeterKey of(MeterType type, String name, String[] tags) {
        return new MeterKey(type, name, Collections.unmodifiableList(Arrays.asList(tags.clone())));
    }
}
