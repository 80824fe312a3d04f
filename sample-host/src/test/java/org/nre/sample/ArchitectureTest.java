package org.nre.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console's package structure: no package needs another that needs it back, and no plugin is imported. */
class ArchitectureTest {

    static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nre.sample");

    @Test
    void theConsolesPackagesFormNoCycle() {
        slices().matching("org.nre.sample.(*)..").should().beFreeOfCycles().check(CONSOLE);
    }

    @Test
    void theConsoleNeverImportsAPlugin() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.nre.plugin..", "org.nre.simulator..",
                        "org.nre.api..", "org.nre.router..")
                .because("a host knows plugins only through host-api: the NRE plugin, its API, its router's "
                        + "protocol and the simulated router are plugins' business").check(CONSOLE);
    }
}
