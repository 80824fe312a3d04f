package org.nre.testkit.notes;

import java.time.Duration;
import org.nre.hostapi.PluginContext;
import org.nre.hostapi.schedule.ScheduledTask;
import org.pf4j.Plugin;

/** A small plugin for the kit's own tests: a table, a scheduled task, a panel. */
public class NotesPlugin extends Plugin {

    private final PluginContext context;
    private ScheduledTask tidy;
    private volatile int tidied;

    public NotesPlugin(PluginContext context) {
        this.context = context;
    }

    @Override
    public void start() {
        context.database().migrate("db/notes");
        context.metrics().gauge("notes.tidied", "Tidy runs since the plugin started", () -> tidied);
        tidy = context.scheduler().schedule("tidy", Duration.ofMinutes(5), () -> {
            tidied++;
            context.metrics().counter("notes.tidy.runs", "Tidy runs", "outcome", "done").increment();
            context.metrics().timer("notes.tidy.duration", "How long tidying took").record(Duration.ofMillis(5));
            return Duration.ofHours(1);
        });
    }

    @Override
    public void stop() {
        tidy.cancel();
    }

    PluginContext context() {
        return context;
    }

    ScheduledTask tidy() {
        return tidy;
    }

    /** Whether the tidy task has run at least once, for the plugin's health check. */
    boolean everTidied() {
        return tidied > 0;
    }

    public int tidied() {
        return tidied;
    }
}
