package org.nre.sdk.zip;

import java.io.File;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the plugin zip would not load, or would load and contribute nothing, in a console: no
 * PF4J extension index, a missing {@code Plugin-*} entry, a {@code Plugin-Requires} that refuses the host API the
 * plugin is built against, or a copy of PF4J, the host API or SLF4J in {@code lib/}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** The plugin zip to check. */
    @Parameter(property = "plugin-zip.file",
            defaultValue = "${project.build.directory}/${project.build.finalName}.zip")
    private File zip;

    /** The host API version the plugin is built against; its Plugin-Requires must accept it. */
    @Parameter(property = "plugin-zip.hostApiVersion", defaultValue = "${host.api.version}")
    private String hostApiVersion;

    /** Skips the check. */
    @Parameter(property = "plugin-zip.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Plugin zip check skipped");
            return;
        }
        if (zip == null || !zip.isFile()) {
            throw new MojoFailureException("No plugin zip at " + zip + " to check: build it first in the same "
                    + "phase (the maven-assembly-plugin with descriptorRef pf4j-plugin-zip, declared before this "
                    + "check), or point plugin-zip.file at it.");
        }
        Optional<String> hostApi = Optional.ofNullable(hostApiVersion).map(String::trim)
                .filter(v -> !v.isEmpty() && !v.contains("${"));
        PluginZipCheck.Outcome outcome = PluginZipCheck.check(zip.toPath(), hostApi);
        if (!outcome.fit()) {
            StringBuilder message = new StringBuilder("The plugin zip ").append(zip.getName())
                    .append(" would not work in a console:");
            outcome.problems().forEach(problem -> message.append(System.lineSeparator()).append(" - ")
                    .append(problem));
            throw new MojoFailureException(message.toString());
        }
        getLog().info("Plugin zip " + zip.getName() + ": plugin " + outcome.pluginId() + " "
                + outcome.pluginVersion() + ", " + outcome.extensions() + " extension(s), " + outcome.libraries()
                + " librar" + (outcome.libraries() == 1 ? "y" : "ies") + " in lib/"
                + hostApi.map(v -> ", accepts host API " + v).orElse(""));
    }
}
