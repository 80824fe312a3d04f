package org.nre.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The kit's test plugins, built from the sources kept beside this class under {@code plugins/<plugin-id>/}. Each is
 * compiled once per JVM, when first written into a folder.
 */
final class ConformancePlugins {

    static final String PROBE = "conformance-probe";
    static final String THROWER = "conformance-thrower";
    static final String CLUMSY = "conformance-clumsy";
    static final String EXPORTER = "conformance-exporter";
    static final String CONSUMER = "conformance-consumer";
    static final String CLASH = "conformance-clash";
    static final String FUTURE = "conformance-future";

    /** The probe's right, guarding its panel, and the panel's id. */
    static final String PROBE_RIGHT = "conformance-probe.use";
    static final String PROBE_PANEL = "conformance-probe";
    static final String CLUMSY_RIGHT = "conformance-clumsy.use";
    static final String CLUMSY_PANEL = "conformance-clumsy";

    /** The value of the probe's secret, as its source holds it. */
    static final String CANARY = "conformance-canary-5d1f0c7e9a2b4e38";

    /** A host API the future plugin requires, which no host offers yet. */
    static final String FUTURE_REQUIRES = ">=99.0.0";

    private static final String ROOT = "plugins/";

    private static final PluginZip PROBE_ZIP = withSources(PluginZip.named(PROBE), PROBE,
            "org.example.conformance.probe.ProbeMenu", "org.example.conformance.probe.ProbeRights",
            "org.example.conformance.probe.ProbePanel")
            .pluginClass("org.example.conformance.probe.ProbePlugin",
                    text(PROBE, "org/example/conformance/probe/ProbePlugin.java"))
            .resource("db/conformance-probe/V1__create_observation_and_tick.sql",
                    text(PROBE, "db/conformance-probe/V1__create_observation_and_tick.sql"))
            .resource("db/conformance-probe/postgresql/V1__create_observation_and_tick.sql",
                    text(PROBE, "db/conformance-probe/postgresql/V1__create_observation_and_tick.sql"))
            .resource("db/conformance-probe/V2__add_recorded_at.sql",
                    text(PROBE, "db/conformance-probe/V2__add_recorded_at.sql"));

    private static final PluginZip THROWER_ZIP = PluginZip.named(THROWER).pluginClass(
            "org.example.conformance.thrower.ThrowerPlugin",
            text(THROWER, "org/example/conformance/thrower/ThrowerPlugin.java"));

    private static final PluginZip CLUMSY_ZIP = withSources(PluginZip.named(CLUMSY), CLUMSY,
            "org.example.conformance.clumsy.ClumsyPanel");

    private static final PluginZip EXPORTER_ZIP = withSources(PluginZip.named(EXPORTER), EXPORTER,
            "org.example.conformance.api.Greeting", "org.example.conformance.exporter.FriendlyGreeting")
            .pluginClass("org.example.conformance.exporter.ExporterPlugin",
                    text(EXPORTER, "org/example/conformance/exporter/ExporterPlugin.java"));

    private static final PluginZip CONSUMER_ZIP = withSources(PluginZip.named(CONSUMER), CONSUMER,
            "org.example.conformance.consumer.ConsumerRights")
            .pluginClass("org.example.conformance.consumer.ConsumerPlugin",
                    text(CONSUMER, "org/example/conformance/consumer/ConsumerPlugin.java"))
            .resource("db/conformance-consumer/V1__create_observation.sql",
                    text(CONSUMER, "db/conformance-consumer/V1__create_observation.sql"))
            .resource("db/conformance-consumer/postgresql/V1__create_observation.sql",
                    text(CONSUMER, "db/conformance-consumer/postgresql/V1__create_observation.sql"))
            .dependsOn(EXPORTER)
            .compiledAgainst(EXPORTER_ZIP);

    private static final PluginZip CLASH_ZIP = withSources(PluginZip.named(CLASH), CLASH,
            "org.example.conformance.clash.ClashPanel");

    private static final PluginZip FUTURE_ZIP = PluginZip.named(FUTURE).requires(FUTURE_REQUIRES).pluginClass(
            "org.example.conformance.future.FuturePlugin",
            text(FUTURE, "org/example/conformance/future/FuturePlugin.java"));

    private static final Map<String, PluginZip> ZIPS = Map.of(PROBE, PROBE_ZIP, THROWER, THROWER_ZIP, CLUMSY,
            CLUMSY_ZIP, EXPORTER, EXPORTER_ZIP, CONSUMER, CONSUMER_ZIP, CLASH, CLASH_ZIP, FUTURE, FUTURE_ZIP);

    /** Every test plugin's id. */
    static final Set<String> ALL = ZIPS.keySet();

    private ConformancePlugins() {
    }

    /**
     * Writes test plugins' zips into a folder.
     *
     * @param pluginIds which, among {@link #ALL}
     */
    static void write(Path folder, Collection<String> pluginIds) {
        for (String pluginId : pluginIds) {
            PluginZip zip = ZIPS.get(pluginId);
            if (zip == null) {
                throw new IllegalArgumentException("The kit has no test plugin '" + pluginId + "'");
            }
            zip.zipInto(folder);
        }
    }

    /** The source of one of the probe's files, for the kit's own tests. */
    static String probeSource(String path) {
        return text(PROBE, path);
    }

    private static PluginZip withSources(PluginZip zip, String pluginId, String... classNames) {
        for (String className : classNames) {
            zip.source(className, text(pluginId, className.replace('.', '/') + ".java"));
        }
        return zip;
    }

    private static String text(String pluginId, String path) {
        String resource = ROOT + pluginId + "/" + path;
        try (InputStream in = ConformancePlugins.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The kit's resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the kit's resource " + resource, e);
        }
    }
}
