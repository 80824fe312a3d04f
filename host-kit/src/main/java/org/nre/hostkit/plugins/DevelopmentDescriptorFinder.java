package org.nre.hostkit.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;

/**
 * In development mode a plugin is its Maven module folder: classes from {@code target/classes}, libraries from
 * {@code target/lib}, and its descriptor from the {@code Plugin-*} manifest of the newest jar the module built
 * in {@code target/}.
 */
class DevelopmentDescriptorFinder extends ManifestPluginDescriptorFinder {

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath.resolve("target"));
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        Manifest manifest = pluginJar(pluginPath).map(DevelopmentDescriptorFinder::manifest)
                .orElseThrow(() -> new PluginRuntimeException("No jar with a Plugin-Id in {}/target: build the plugin "
                        + "module with 'mvn package' first", pluginPath));
        return createPluginDescriptor(manifest);
    }

    private static Optional<Path> pluginJar(Path module) {
        try (Stream<Path> files = Files.list(module.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> manifest(p).getMainAttributes().getValue("Plugin-Id") != null)
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Manifest manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? new Manifest() : manifest;
        } catch (IOException e) {
            return new Manifest();
        }
    }
}
