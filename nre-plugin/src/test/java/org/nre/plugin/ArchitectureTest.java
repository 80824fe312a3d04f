package org.nre.plugin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The plugin's package structure: no package cycles, and nothing of any console but host-api. */
class ArchitectureTest {

    static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nre.plugin");

    @Test
    void thePluginsPackagesFormNoCycle() {
        slices().matching("org.nre.plugin.(*)..").should().beFreeOfCycles().check(PLUGIN);
    }

    @Test
    void thePluginNeedsNoConsoleButHostApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.nre.sample..")
                .because("the plugin must run in any console that implements host-api").check(PLUGIN);
    }
}
