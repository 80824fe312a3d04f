package org.example.hello;

import org.nre.hostapi.PluginContext;
import org.pf4j.Plugin;

/** The plugin's main class: the console gives it its services; it sets up its storage when started. */
public class HelloPlugin extends Plugin {

    private final PluginContext context;

    public HelloPlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        context.database().migrate("db/hello");
    }

    PluginContext context() {
        return context;
    }
}
