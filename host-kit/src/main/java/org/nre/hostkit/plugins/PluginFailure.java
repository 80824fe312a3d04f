package org.nre.hostkit.plugins;

import org.nre.hostkit.HostKitException;

/** A call into a plugin threw; the console contains it and reports it on the plugin. */
public class PluginFailure extends HostKitException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    PluginFailure(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    public String pluginId() {
        return pluginId;
    }
}
