package org.nre.hostkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The kit's package structure: no cycles, no plugin and no console imported, and no web framework anywhere in it,
 * so that a console on any stack can embed it.
 */
class ArchitectureTest {

    static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nre.hostkit");

    @Test
    void theKitsPackagesFormNoCycle() {
        slices().matching("org.nre.hostkit.(*)..").should().beFreeOfCycles().check(KIT);
    }

    @Test
    void theKitNeverImportsAPluginOrAConsole() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.nre.plugin..", "org.nre.sample..")
                .because("the kit knows plugins only through host-api, and consoles embed it, not the other way")
                .check(KIT);
    }

    @Test
    void theKitNamesNoWebFramework() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..",
                        "javax.servlet..", "org.eclipse.jetty..", "org.springframework..", "com.sun.net.httpserver..")
                .because("the console supplies routes, sessions and CSRF on its own stack").check(KIT);
    }
}
