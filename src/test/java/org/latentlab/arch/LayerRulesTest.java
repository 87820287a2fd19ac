package org.latentlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** DESIGN.md's layer rule: core never touches JavaFX or the UI; the UI never touches DJL. */
class LayerRulesTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.latentlab");

    @Test
    void coreIsFreeOfJavaFxAndUi() {
        noClasses().that().resideInAPackage("org.latentlab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.latentlab.ui..",
                        "org.latentlab.cli..", "org.controlsfx..")
                .check(MAIN);
    }

    @Test
    void uiIsFreeOfDjl() {
        noClasses().that().resideInAPackage("org.latentlab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void cliDoesNotReachIntoTheUi() {
        noClasses().that().resideInAPackage("org.latentlab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.latentlab.ui..")
                .check(MAIN);
    }
}
