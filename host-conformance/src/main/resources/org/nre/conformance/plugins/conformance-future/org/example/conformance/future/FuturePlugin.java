package org.example.conformance.future;

import org.pf4j.Plugin;

/** A plugin built for a host API that does not exist yet. */
public class FuturePlugin extends Plugin {
}
