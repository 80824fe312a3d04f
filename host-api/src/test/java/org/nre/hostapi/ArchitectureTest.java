package org.nre.hostapi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** What host-api may depend on: the JDK, JDBC's DataSource and PF4J, so that every console and plugin can use it. */
class ArchitectureTest {

    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.nre.hostapi");

    @Test
    void hostApiNeedsOnlyTheJdkJdbcAndPf4j() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.nre.hostapi..", "java..",
                        "javax.sql..", "org.pf4j..")
                .because("a console or plugin on any stack must be able to take host-api as it is").check(API);
    }
}
