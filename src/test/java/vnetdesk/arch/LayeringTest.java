package vnetdesk.arch;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md as executable rules:
 * ui, cli → service → (ipam, sched, template, host, ssh, store) → model.
 * Packages that do not exist yet (sched, host, ssh, ui.vm, ui.host) are
 * named so that the code arriving there is held to the same rules.
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
            .layer("Sched").definedBy("vnetdesk.sched..")
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
            .whereLayer("Sched").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Template").mayOnlyBeAccessedByLayers("Service", "Cli", "Ui")
            .whereLayer("Host").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Ssh").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Service")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Entry", "Service", "Ui", "Cli", "Ipam", "Sched", "Template",
                    "Host", "Ssh", "Store");

    @ArchTest
    static final ArchRule pureLayersStayPure = noClasses().that()
            .resideInAnyPackage("vnetdesk.model..", "vnetdesk.ipam..", "vnetdesk.sched..", "vnetdesk.template..",
                    "vnetdesk.host..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.h2..",
                    "org.flywaydb..", "org.apache.sshd..", "org.controlsfx..", "com.fasterxml..");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses().that().resideOutsideOfPackages("vnetdesk.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule onlyTheStoreUsesJdbc = noClasses().that()
            .resideOutsideOfPackages("vnetdesk.store..", "vnetdesk.service..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..");

    /**
     * The service layer's plumbing (transactions, rights, caches, object
     * lookup) serves the use cases in {@code service} and its sub-packages;
     * the console and the CLI see only the use cases.
     */
    @ArchTest
    static final ArchRule servicePlumbingStaysInside = noClasses().that()
            .resideOutsideOfPackages("vnetdesk.service..")
            .should().dependOnClassesThat().resideInAPackage("vnetdesk.service.core..");

    /**
     * Console features (networks, security groups, templates, users, and
     * VMs and hosts to come) share code only through {@code ui.common}; the
     * main window in {@code ui} composes them.
     */
    @ArchTest
    static final ArchRule consoleFeaturesShareOnlyCommonCode = slices().matching("vnetdesk.ui.(*)..")
            .namingSlices("ui.$1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage("vnetdesk.ui.common.."));

    /** Common console code knows no feature and not the main window. */
    @ArchTest
    static final ArchRule commonUiKnowsNoFeature = noClasses().that().resideInAPackage("vnetdesk.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("vnetdesk.ui.network..", "vnetdesk.ui.secgroup..",
                    "vnetdesk.ui.template..", "vnetdesk.ui.user..", "vnetdesk.ui.vm..", "vnetdesk.ui.host..")
            .orShould().dependOnClassesThat().resideInAPackage("vnetdesk.ui");
}
