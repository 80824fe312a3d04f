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

    // Every module folder is this finder's: one never built or only compiled is told to run 'mvn package' once,
    // rather than PF4J's "No PluginDescriptorFinder".
    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath);
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        if (!Files.isDirectory(pluginPath.resolve("target"))) {
            throw new PluginRuntimeException("The module {} has no target/ folder: it was never built. Run "
                    + "'mvn package' once in it (then 'mvn compile' is enough after each change)", pluginPath);
        }
        Manifest manifest = pluginJar(pluginPath).map(DevelopmentDescriptorFinder::manifest)
                .orElseThrow(() -> new PluginRuntimeException("No jar with a Plugin-Id in {}/target: the module was "
                        + "compiled but never packaged. Run 'mvn package' once in it (its jar carries the Plugin-* "
                        + "manifest; then 'mvn compile' is enough after each change)", pluginPath));
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
