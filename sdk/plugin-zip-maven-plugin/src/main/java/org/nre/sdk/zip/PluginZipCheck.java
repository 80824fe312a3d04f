package org.nre.sdk.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * What is wrong with a built plugin zip, judged as a console would load it: PF4J's layout ({@code classes/} and
 * {@code lib/}), the {@code Plugin-*} descriptor, PF4J's extension index, and no library in {@code lib/} that the
 * console provides itself (PF4J loads a plugin's own classes first, so a copy would shadow the console's).
 */
final class PluginZipCheck {

    static final String MANIFEST = "classes/META-INF/MANIFEST.MF";
    static final String INDEX = "classes/META-INF/extensions.idx";

    /** A library the console provides, known by one class it holds. */
    private record Provided(String name, String probeClass) {
    }

    private static final List<Provided> PROVIDED = List.of(
            new Provided("PF4J", "org/pf4j/Plugin.class"),
            new Provided("the host API", "org/nre/hostapi/PluginContext.class"),
            new Provided("SLF4J", "org/slf4j/LoggerFactory.class"));

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    /** What the check found: the problems, and what the zip holds when it is fit. */
    record Outcome(List<String> problems, String pluginId, String pluginVersion, int extensions, int libraries) {

        Outcome {
            problems = List.copyOf(problems);
        }

        boolean fit() {
            return problems.isEmpty();
        }
    }

    private PluginZipCheck() {
    }

    /**
     * Checks a zip.
     *
     * @param zip the plugin zip
     * @param hostApiVersion the host API version the plugin is built against, when known, which its
     *        {@code Plugin-Requires} must accept
     * @return the outcome; every problem says what is wrong and what to do
     */
    static Outcome check(Path zip, Optional<String> hostApiVersion) {
        List<String> problems = new ArrayList<>();
        String id = "";
        String version = "";
        int extensions = 0;
        int libraries = 0;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry manifestEntry = file.getEntry(MANIFEST);
            if (manifestEntry == null) {
                problems.add("It has no " + MANIFEST + ", which carries the plugin's Plugin-* descriptor: build the "
                        + "plugin's jar with the Plugin-* manifest entries (plugin-parent does) and unpack it into "
                        + "classes/ (the pf4j-plugin-zip assembly descriptor does).");
            } else {
                Attributes descriptor = manifest(file, manifestEntry).getMainAttributes();
                id = text(descriptor, "Plugin-Id");
                version = text(descriptor, "Plugin-Version");
                problems.addAll(descriptorProblems(file, descriptor, hostApiVersion));
            }
            ZipEntry index = file.getEntry(INDEX);
            if (index == null) {
                problems.add("It has no " + INDEX + ": PF4J's annotation processor did not run, so the plugin would "
                        + "load and contribute nothing. Mark each extension with @Extension, and make javac run "
                        + "annotation processors: on JDK 23 and later it runs them only when asked, so set "
                        + "<proc>full</proc> on maven-compiler-plugin (plugin-parent does).");
            } else {
                List<String> listed = indexLines(file, index);
                extensions = listed.size();
                if (listed.isEmpty()) {
                    problems.add(INDEX + " lists no extension, so the plugin would contribute nothing: mark its "
                            + "menu entries, rights and panels with @Extension.");
                }
                for (String type : listed) {
                    if (file.getEntry("classes/" + type.replace('.', '/') + ".class") == null) {
                        problems.add(INDEX + " lists " + type + ", which is not in classes/: rebuild the plugin "
                                + "from clean (mvn clean package).");
                    }
                }
            }
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("lib/") && name.endsWith(".jar")) {
                    libraries++;
                    problems.addAll(libraryProblems(file, entry));
                } else if (name.startsWith("classes/")) {
                    for (Provided provided : PROVIDED) {
                        if (name.equals("classes/" + provided.probeClass())) {
                            problems.add("Its classes/ holds a copy of " + provided.name() + " (" + name
                                    + "): the console provides it. Do not shade or unpack it into the plugin.");
                        }
                    }
                }
            }
        } catch (ZipException e) {
            problems.add("It is not a readable zip (" + e.getMessage() + "): rebuild it (mvn clean package).");
        } catch (IOException e) {
            problems.add("It cannot be read (" + e.getMessage() + ").");
        }
        return new Outcome(problems, id, version, extensions, libraries);
    }

    private static List<String> descriptorProblems(ZipFile file, Attributes descriptor,
                                                   Optional<String> hostApiVersion) {
        List<String> problems = new ArrayList<>();
        for (String required : List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires")) {
            String value = text(descriptor, required);
            if (value.isEmpty() || value.contains("${")) {
                problems.add("Its manifest has no " + required + (value.isEmpty() ? "" : " (it reads '" + value
                        + "', a property that was never set)") + ": set <" + property(required)
                        + "> in the plugin's pom properties.");
            }
        }
        String version = text(descriptor, "Plugin-Version");
        if (!version.isEmpty() && !version.contains("${") && !validVersion(version)) {
            problems.add("Its Plugin-Version '" + version + "' is not a semantic version (such as 1.0.0 or "
                    + "1.2.0-SNAPSHOT), which PF4J needs to compare versions: fix <plugin.version>.");
        }
        String requires = text(descriptor, "Plugin-Requires");
        if (!requires.isEmpty() && !requires.contains("${")) {
            Optional<String> problem = requiresProblem(requires, hostApiVersion);
            problem.ifPresent(problems::add);
        }
        String pluginClass = text(descriptor, "Plugin-Class");
        if (!pluginClass.isEmpty()
                && (pluginClass.contains("${")
                        || file.getEntry("classes/" + pluginClass.replace('.', '/') + ".class") == null)) {
            problems.add("Its Plugin-Class '" + pluginClass + "' is not in classes/: set <plugin.class> to the "
                    + "plugin's main class (a subclass of org.pf4j.Plugin), or leave it out.");
        }
        return problems;
    }

    private static Optional<String> requiresProblem(String requires, Optional<String> hostApiVersion) {
        String probe = hostApiVersion.filter(PluginZipCheck::validVersion).orElse("0.0.0");
        boolean accepted;
        try {
            accepted = VERSIONS.checkVersionConstraint(probe, requires);
        } catch (RuntimeException e) {
            return Optional.of("Its Plugin-Requires '" + requires + "' is not a version range PF4J reads ("
                    + e.getMessage() + "): write one such as '>=0.2.0 & <0.3.0'.");
        }
        if (hostApiVersion.isPresent() && !accepted) {
            return Optional.of("Its Plugin-Requires '" + requires + "' does not accept host API "
                    + hostApiVersion.get() + ", which the plugin is built against, so a console of that version "
                    + "would refuse it: widen <plugin.requires>.");
        }
        return Optional.empty();
    }

    private static List<String> libraryProblems(ZipFile file, ZipEntry jar) throws IOException {
        List<String> problems = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(file.getInputStream(jar))) {
            for (ZipEntry inner = in.getNextEntry(); inner != null; inner = in.getNextEntry()) {
                for (Provided provided : PROVIDED) {
                    if (inner.getName().equals(provided.probeClass())) {
                        problems.add("Its " + jar.getName() + " is a copy of " + provided.name() + ", which the "
                                + "console provides; PF4J would load the copy first. Declare that dependency with "
                                + "<scope>provided</scope> (and exclude it where another library brings it).");
                    }
                }
            }
        } catch (ZipException e) {
            problems.add("Its " + jar.getName() + " is not a readable jar (" + e.getMessage() + ").");
        }
        return problems;
    }

    private static boolean validVersion(String version) {
        try {
            VERSIONS.compareVersions(version, version);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Manifest manifest(ZipFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return new Manifest(in);
        }
    }

    private static List<String> indexLines(ZipFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    private static String text(Attributes attributes, String name) {
        String value = attributes.getValue(name);
        return value == null ? "" : value.trim();
    }

    private static String property(String entry) {
        return "plugin." + entry.substring("Plugin-".length()).toLowerCase(java.util.Locale.ROOT);
    }
}
