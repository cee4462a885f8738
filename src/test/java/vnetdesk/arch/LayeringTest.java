package vnetdesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of CONVENTIONS.md as executable rules:
 * ui, cli → service → (ipam, template, host, ssh, store) → model.
 */
@AnalyzeClasses(packages = "vnetdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
            .layer("Entry").definedBy("vnetdesk")
            .layer("Ui").definedBy("vnetdesk.ui..")
            .layer("Cli").definedBy("vnetdesk.cli..")
            .layer("Service").definedBy("vnetdesk.service..")
            .layer("Ipam").definedBy("vnetdesk.ipam..")
            .layer("Template").definedBy("vnetdesk.template..")
            .layer("Host").definedBy("vnetdesk.host..")
            .layer("Ssh").definedBy("vnetdesk.ssh..")
            .layer("Store").definedBy("vnetdesk.store..")
            .layer("Model").definedBy("vnetdesk.model..")
            .whereLayer("Entry").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Entry")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("Ui", "Cli", "Entry")
            .whereLayer("Ipam").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Template").mayOnlyBeAccessedByLayers("Service", "Cli", "Ui")
            .whereLayer("Host").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Ssh").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Entry", "Service", "Ui", "Cli", "Ipam", "Template", "Host",
                    "Ssh", "Store");

    @ArchTest
    static final ArchRule pureLayersStayPure = noClasses().that()
            .resideInAnyPackage("vnetdesk.model..", "vnetdesk.ipam..", "vnetdesk.template..", "vnetdesk.host..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.h2..",
                    "org.flywaydb..", "org.apache.sshd..", "org.controlsfx..", "com.fasterxml..");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses().that().resideOutsideOfPackages("vnetdesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyTheStoreUsesJdbc = noClasses().that()
            .resideOutsideOfPackages("vnetdesk.store..", "vnetdesk.service..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..");
}
