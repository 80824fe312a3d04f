package org.nre.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin's package structure: no package cycles, and no console's classes nor the NRE plugin's but its API. */
class ArchitectureTest {

    static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nre.simulator");

    @Test
    void thePluginsPackagesFormNoCycle() {
        slices().matching("org.nre.simulator.(*)..").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void nothingBelowThePluginPackageDependsOnIt() {
        noClasses().that().resideInAPackage("org.nre.simulator.*..").should().dependOnClassesThat()
                .resideInAPackage("org.nre.simulator").because("the plugin's package wires the others together")
                .check(PLUGIN);
    }

    @Test
    void thePluginNeedsNoConsoleButHostApiAndNoNrePluginButItsApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.nre.sample..", "org.nre.hostkit..",
                "org.nre.plugin..").because("the plugin runs in any console that implements host-api, beside the NRE "
                + "plugin, whose API alone it sees").check(PLUGIN);
    }
}
