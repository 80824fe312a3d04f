package org.example.conformance.api;

import org.pf4j.ExtensionPoint;

/** An extension point the exporter plugin offers other plugins; the host knows nothing of it. */
public interface Greeting extends ExtensionPoint {

    /** A greeting for the name. */
    String greet(String name);

    /** Whether the thread's context class loader is the offering plugin's own during this call. */
    boolean ownClassLoader();

    /** Throws the offering plugin's own exception. */
    void fail();
}
