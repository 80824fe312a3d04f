package org.nre.testkit.notes;

import org.pf4j.ExtensionPoint;

/** What another plugin may offer the notes plugin. */
public interface Greeting extends ExtensionPoint {

    String text();
}
