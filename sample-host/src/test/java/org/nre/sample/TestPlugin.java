package org.nre.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a real PF4J plugin zip in a temporary folder, from Java sources compiled against the host API:
 * the console under test loads it exactly as it loads any plugin.
 */
public final class TestPlugin {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=0.2.0 & <0.3.0";
    private String pluginClass;
    private String dependencies = "";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final List<String> extensions = new ArrayList<>();
    private final Map<String, byte[]> extraEntries = new LinkedHashMap<>();

    private TestPlugin(String id) {
        this.id = id;
    }

    public static TestPlugin named(String id) {
        return new TestPlugin(id);
    }

    public TestPlugin version(String value) {
        version = value;
        return this;
    }

    public TestPlugin requires(String value) {
        requires = value;
        return this;
    }

    public TestPlugin dependsOn(String value) {
        dependencies = value;
        return this;
    }

    public TestPlugin pluginClass(String className, String source) {
        pluginClass = className;
        sources.put(className, source);
        return this;
    }

    /** A class annotated with @Extension, listed in META-INF/extensions.idx. */
    public TestPlugin extension(String className, String source) {
        sources.put(className, source);
        extensions.add(className);
        return this;
    }

    public TestPlugin source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    public TestPlugin entry(String name, byte[] content) {
        extraEntries.put(name, content);
        return this;
    }

    /**
     * Lays the plugin out as a built Maven module, for development mode: classes in {@code target/classes} and
     * the descriptor in the manifest of {@code target/<id>-<version>.jar}. Building again over the same folder
     * is what a developer's {@code mvn package} does.
     */
    public Path moduleInto(Path module) {
        try {
            Path target = Files.createDirectories(module.resolve("target"));
            Path classes = target.resolve("classes");
            if (Files.exists(classes)) {
                try (Stream<Path> old = Files.walk(classes)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Manifest manifest = compile(Files.createTempDirectory("src-" + id), Files.createDirectories(classes));
            for (Map.Entry<String, byte[]> extra : extraEntries.entrySet()) {
                if (extra.getKey().startsWith("classes/")) {
                    Path file = classes.resolve(extra.getKey().substring("classes/".length()));
                    Files.createDirectories(file.getParent());
                    Files.write(file, extra.getValue());
                }
            }
            try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(
                    Files.newOutputStream(target.resolve(id + "-" + version + ".jar")), manifest)) {
                jar.flush();
            }
            return module;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the sources and writes {@code <id>-<version>.zip} into the drop folder. */
    public Path zipInto(Path dropFolder) {
        try {
            Path work = Files.createTempDirectory("plugin-" + id);
            Path classes = Files.createDirectories(work.resolve("classes"));
            compile(Files.createDirectories(work.resolve("src")), classes);
            Path zip = Files.createDirectories(dropFolder).resolve(id + "-" + version + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                 Stream<Path> walk = Files.walk(classes)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new ZipEntry("classes/" + classes.relativize(file).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(file));
                    out.closeEntry();
                }
                for (Map.Entry<String, byte[]> extra : extraEntries.entrySet()) {
                    out.putNextEntry(new ZipEntry(extra.getKey()));
                    out.write(extra.getValue());
                    out.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Manifest compile(Path src, Path classes) throws IOException {
        {
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toString());
            }
            if (!files.isEmpty()) {
                JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
                List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                        "-cp", System.getProperty("java.class.path")));
                args.addAll(files);
                int exit = compiler.run(null, null, null, args.toArray(String[]::new));
                if (exit != 0) {
                    throw new IllegalStateException("The test plugin '" + id + "' did not compile");
                }
            }
            Path metaInf = Files.createDirectories(classes.resolve("META-INF"));
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Plugin-Id", id);
            main.putValue("Plugin-Version", version);
            main.putValue("Plugin-Requires", requires);
            main.putValue("Plugin-Provider", "Test");
            main.putValue("Plugin-Description", "A plugin built by a test");
            if (pluginClass != null) {
                main.putValue("Plugin-Class", pluginClass);
            }
            if (!dependencies.isEmpty()) {
                main.putValue("Plugin-Dependencies", dependencies);
            }
            try (OutputStream out = Files.newOutputStream(metaInf.resolve("MANIFEST.MF"))) {
                manifest.write(out);
            }
            if (!extensions.isEmpty()) {
                Files.writeString(metaInf.resolve("extensions.idx"), String.join("\n", extensions) + "\n");
            }
            return manifest;
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
