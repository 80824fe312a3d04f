package org.example.conformance.thrower;

import org.pf4j.Plugin;

/** A plugin whose start fails. */
public class ThrowerPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("conformance: thrown on start");
    }
}
