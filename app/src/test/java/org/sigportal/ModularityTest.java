package org.sigportal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module rules of the style guide: no cycles, root APIs only, jOOQ and views in their places. */
class ModularityTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sigportal");

    @Test
    void modulesRespectTheirBoundaries() {
        // The generated jOOQ classes (db module) are no feature: the rule below confines them to internal packages.
        ApplicationModules.of(PortalApplication.class, resideInAPackage("org.sigportal.db..")).verify();
    }

    @Test
    void onlyInternalPackagesTouchTheGeneratedJooqClasses() {
        noClasses().that().resideOutsideOfPackages("..internal..", "org.sigportal.db..")
                .should().dependOnClassesThat().resideInAPackage("org.sigportal.db..")
                .check(PORTAL);
    }

    @Test
    void viewsNeverReachIntoDataAccess() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("..internal..", "org.jooq..")
                .check(PORTAL);
    }
}
