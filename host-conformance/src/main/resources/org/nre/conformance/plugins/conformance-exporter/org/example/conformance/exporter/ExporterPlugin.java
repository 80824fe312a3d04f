package org.example.conformance.exporter;

import org.pf4j.Plugin;

/** A plugin that exports an API of its own. */
public class ExporterPlugin extends Plugin {
}
