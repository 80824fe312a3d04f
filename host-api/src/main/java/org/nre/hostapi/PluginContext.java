package org.nre.hostapi;

import java.time.Clock;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.district.DistrictDirectory;
import org.nre.hostapi.metrics.Metrics;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.schedule.Scheduler;
import org.nre.hostapi.storage.Database;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;

/**
 * The host's services for one plugin, given to the plugin's constructor (and to any extension whose
 * constructor asks for it). Every service is scoped to the plugin: its settings, secrets, migrations
 * and audit entries are its own.
 *
 * @param pluginId the plugin's id, as in its {@code Plugin-Id}
 * @param database the host's database and the plugin's migrations
 * @param host facts about the console
 * @param district the district the console serves
 * @param audit the console's audit log
 * @param clock the clock to read the time from, so that tests control it
 * @param scheduler repeating tasks, run on one console node at a time
 * @param settings the plugin's settings
 * @param secrets the plugin's secrets, which no page or API shows
 * @param extensions what other started plugins offer through the host API's extension points
 * @param notices the plugin's console-wide notices
 * @param metrics the plugin's metrics
 */
public record PluginContext(String pluginId, Database database, HostInfo host, DistrictDirectory district,
                            AuditLog audit, Clock clock, Scheduler scheduler, Settings settings,
                            Secrets secrets, Extensions extensions, Notices notices, Metrics metrics) {

    /** Checks the fields. */
    public PluginContext {
        Fields.requireText(pluginId, "pluginId");
        requireService(database, "database");
        requireService(host, "host");
        requireService(district, "district");
        requireService(audit, "audit");
        requireService(clock, "clock");
        requireService(scheduler, "scheduler");
        requireService(settings, "settings");
        requireService(secrets, "secrets");
        requireService(extensions, "extensions");
        requireService(notices, "notices");
        requireService(metrics, "metrics");
    }

    private static void requireService(Object service, String field) {
        if (service == null) {
            throw new HostApiException("Field '" + field + "' cannot be null: the host must offer every service");
        }
    }
}
