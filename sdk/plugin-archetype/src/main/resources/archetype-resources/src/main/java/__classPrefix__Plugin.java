package ${package};

import org.nre.hostapi.PluginContext;
import org.pf4j.Plugin;

/** The plugin's main class: the console gives it its services, and it sets up its table when started. */
public class ${classPrefix}Plugin extends Plugin {

    private final PluginContext context;

    public ${classPrefix}Plugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        context.database().migrate("db/${pluginId}");
    }

    PluginContext context() {
        return context;
    }
}
