package org.nre.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.nre.hostapi.HostApi;

/**
 * Builds a real PF4J plugin zip from Java sources, as a plugin's own build would: compiled by the system Java
 * compiler against the class path of the running JVM (which holds the host API and PF4J in any host's tests), its
 * extensions indexed by PF4J's annotation processor into {@code META-INF/extensions.idx}, its classes and resources
 * under {@code classes/}, and its descriptor in {@code classes/META-INF/MANIFEST.MF}.
 *
 * <pre>{@code
 * PluginZip exporter = PluginZip.named("greeter").source("org.example.api.Greeting", apiSource)
 *         .source("org.example.greeter.Friendly", extensionSource);
 * exporter.zipInto(pluginsDir);
 * PluginZip.named("user").dependsOn("greeter").compiledAgainst(exporter)
 *         .pluginClass("org.example.user.UserPlugin", pluginSource).zipInto(pluginsDir);
 * }</pre>
 *
 * A plugin is compiled once, when first needed, and kept in memory; changing it compiles it again.
 */
public final class PluginZip {

    private static final String CLASSES = "classes/";

    private final String id;
    private String version = "1.0.0";
    private String requires = thisHostApiMinor(HostApi.version());
    private String pluginClass;
    private String dependencies = "";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final List<PluginZip> compiledAgainst = new ArrayList<>();
    private Map<String, byte[]> compiled;

    private PluginZip(String id) {
        this.id = id;
    }

    /**
     * Starts a plugin.
     *
     * @param id its {@code Plugin-Id}
     * @return the builder
     */
    public static PluginZip named(String id) {
        return new PluginZip(id);
    }

    /**
     * The plugin's id.
     *
     * @return its {@code Plugin-Id}
     */
    public String id() {
        return id;
    }

    /**
     * Sets the {@code Plugin-Version}; 1.0.0 unless set.
     *
     * @param value a semantic version
     * @return the builder
     */
    public PluginZip version(String value) {
        version = value;
        return changed();
    }

    /**
     * Sets the {@code Plugin-Requires}; unless set, the host API's minor version the kit was built with, such as
     * {@code >=0.2.0 & <0.3.0}.
     *
     * @param value a PF4J version expression
     * @return the builder
     */
    public PluginZip requires(String value) {
        requires = value;
        return changed();
    }

    /**
     * Sets the {@code Plugin-Dependencies}.
     *
     * @param value plugin ids, comma-separated, each optionally with {@code @} and a version expression
     * @return the builder
     */
    public PluginZip dependsOn(String value) {
        dependencies = value;
        return changed();
    }

    /**
     * Adds the plugin's main class, named in the {@code Plugin-Class}.
     *
     * @param className its fully qualified name
     * @param source its Java source
     * @return the builder
     */
    public PluginZip pluginClass(String className, String source) {
        pluginClass = className;
        return source(className, source);
    }

    /**
     * Adds a class; one annotated with {@code @Extension} is listed in {@code META-INF/extensions.idx}.
     *
     * @param className its fully qualified name
     * @param source its Java source
     * @return the builder
     */
    public PluginZip source(String className, String source) {
        sources.put(className, source);
        return changed();
    }

    /**
     * Adds a file to the plugin's class path, such as a migration.
     *
     * @param path its path under {@code classes/}, such as {@code db/my-plugin/V1__create.sql}
     * @param content its text, written in UTF-8
     * @return the builder
     */
    public PluginZip resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return changed();
    }

    /**
     * Compiles this plugin against another's classes, without bundling them: the plugin names the other in its
     * {@code Plugin-Dependencies} and sees the other's classes through PF4J at run time.
     *
     * @param other the plugin it depends on
     * @return the builder
     */
    public PluginZip compiledAgainst(PluginZip other) {
        compiledAgainst.add(other);
        return changed();
    }

    /**
     * Writes {@code <id>-<version>.zip} into the folder, compiling the plugin first when needed.
     *
     * @param folder the plugins folder, made when missing
     * @return the zip
     * @throws IllegalStateException when the sources do not compile, with the compiler's messages
     */
    public Path zipInto(Path folder) {
        Map<String, byte[]> entries = entries();
        try {
            Path zip = Files.createDirectories(folder).resolve(id + "-" + version + ".zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    out.putNextEntry(new ZipEntry(CLASSES + entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the plugin zip of '" + id + "' into " + folder, e);
        }
    }

    /** The files under {@code classes/}: compiled classes, the extension index, resources and the manifest. */
    synchronized Map<String, byte[]> entries() {
        if (compiled == null) {
            compiled = compile();
        }
        return compiled;
    }

    /** The version range of the host API's minor version, such as {@code >=0.2.0 & <0.3.0} for 0.2.4. */
    static String thisHostApiMinor(String hostApiVersion) {
        String[] parts = hostApiVersion.split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return ">=" + major + "." + minor + ".0 & <" + major + "." + (minor + 1) + ".0";
    }

    private synchronized PluginZip changed() {
        compiled = null;
        return this;
    }

    private Map<String, byte[]> compile() {
        Path work = null;
        try {
            work = Files.createTempDirectory("conformance-" + id);
            Path classes = Files.createDirectories(work.resolve("classes"));
            Map<String, byte[]> entries = new TreeMap<>();
            if (!sources.isEmpty()) {
                runCompiler(work, classes);
                entries.putAll(filesUnder(classes));
            }
            entries.putAll(resources);
            entries.put("META-INF/MANIFEST.MF", manifest());
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compile the plugin '" + id + "'", e);
        } finally {
            if (work != null) {
                delete(work);
            }
        }
    }

    private void runCompiler(Path work, Path classes) throws IOException {
        Path src = Files.createDirectories(work.resolve("src"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        String classPath = System.getProperty("java.class.path");
        for (PluginZip other : compiledAgainst) {
            Path theirs = Files.createDirectories(work.resolve("against-" + other.id()));
            for (Map.Entry<String, byte[]> entry : other.entries().entrySet()) {
                if (entry.getKey().endsWith(".class")) {
                    Path file = theirs.resolve(entry.getKey());
                    Files.createDirectories(file.getParent());
                    Files.write(file, entry.getValue());
                }
            }
            classPath = theirs + java.io.File.pathSeparator + classPath;
        }
        // The processor is named, not discovered: from JDK 23 on, javac runs none it was not asked for.
        List<String> args = new ArrayList<>(List.of("--release", "17",
                "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor",
                "-d", classes.toString(), "-cp", classPath));
        args.addAll(files);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler in this JVM: run the tests on a JDK, not a JRE");
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int exit = compiler.run(null, messages, messages, args.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("The plugin '" + id + "' did not compile:\n"
                    + messages.toString(StandardCharsets.UTF_8));
        }
    }

    private byte[] manifest() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Provider", "Host conformance kit");
        main.putValue("Plugin-Description", "A plugin the host conformance kit built");
        if (pluginClass != null) {
            main.putValue("Plugin-Class", pluginClass);
        }
        if (!dependencies.isEmpty()) {
            main.putValue("Plugin-Dependencies", dependencies);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> filesUnder(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind harms nothing.
        }
    }
}
