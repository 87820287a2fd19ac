package org.latentlab.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ViewModels and what they compute stay free of scene-graph classes, so they run in tests without the FX
 * toolkit; only views build nodes, and only ViewModels (not views) call core's readers.
 */
class ViewModelRulesTest {
    static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.latentlab.ui");

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().haveSimpleNameStartingWith("DataSelection")
                .or().haveSimpleNameStartingWith("DataStats")
                .or().haveSimpleNameStartingWith("SummaryRows")
                .or().haveSimpleNameStartingWith("Settings")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.jfree..")
                .check(UI);
    }

    @Test
    void viewsLeaveReadingFilesToTheirViewModels() {
        noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Dialog")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.latentlab.core.data.DataFiles")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.latentlab.core.data.LfadsH5Reader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.latentlab.core.data.nwb.NwbReader")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.latentlab.core.data.nwb.NwbImporter")
                .check(UI);
    }
}
