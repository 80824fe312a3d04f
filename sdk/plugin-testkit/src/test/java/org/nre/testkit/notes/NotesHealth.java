package org.nre.testkit.notes;

import java.util.Map;
import org.nre.hostapi.health.HealthCheck;
import org.nre.hostapi.health.HealthResult;
import org.pf4j.Extension;

/** Healthy once the tidy task has run. */
@Extension
public class NotesHealth implements HealthCheck {

    private final NotesPlugin plugin;

    public NotesHealth(NotesPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public String name() {
        return "tidy";
    }

    @Override
    public HealthResult check() {
        return plugin.everTidied() ? HealthResult.up("Tidied " + plugin.tidied() + " times")
                .withDetails(Map.of("runs", String.valueOf(plugin.tidied())))
                : HealthResult.down("The tidy task has not run yet: see the scheduler");
    }
}
