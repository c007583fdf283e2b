package dev.pyrometer.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers: model is pure Java, sampler adds JNA but no UI, and nothing below the app reaches up into it. */
@AnalyzeClasses(packages = "dev.pyrometer",
    importOptions = {ImportOption.DoNotIncludeTests.class, LayeringTest.DoNotIncludeTestJars.class})
class LayeringTest {
    /** The model's and sampler's test helpers reach the app's test classpath as {@code -tests.jar} files. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }


    @ArchTest
    static final ArchRule modelIsPureJava = noClasses().that().resideInAPackage("dev.pyrometer.model..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.jna..", "org.controlsfx..", "org.fxmisc..")
        .because("the model must run anywhere: no UI, no native access");

    @ArchTest
    static final ArchRule samplerHasNoUi = noClasses().that().resideInAPackage("dev.pyrometer.sampler..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.fxmisc..")
        .because("the sampler runs headless on servers");

    @ArchTest
    static final ArchRule nothingBelowReachesTheApp = noClasses().that()
        .resideInAnyPackage("dev.pyrometer.model..", "dev.pyrometer.sampler..")
        .should().dependOnClassesThat().resideInAPackage("dev.pyrometer.app..")
        .because("the app depends on model and sampler, never the reverse");

    @ArchTest
    static final ArchRule modelDoesNotKnowTheSampler = noClasses().that().resideInAPackage("dev.pyrometer.model..")
        .should().dependOnClassesThat().resideInAPackage("dev.pyrometer.sampler..");

    @ArchTest
    static final ArchRule commandLineNeverLoadsJavaFx = noClasses().that()
        .resideInAnyPackage("dev.pyrometer.app", "dev.pyrometer.app.cli..", "dev.pyrometer.app.desktop..",
            "dev.pyrometer.app.report..", "dev.pyrometer.app.source..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.fxmisc..", "dev.pyrometer.app.ui..")
        .because("headless subcommands run on servers with no display libraries; the UI is reached reflectively");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.pyrometer.(**)").should().beFreeOfCycles()
        .because("each package builds on the ones below it; a cycle makes both halves one package in disguise");

    @ArchTest
    static final ArchRule noCyclesBetweenModules = slices().matching("dev.pyrometer.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule viewModelsNeverTouchTheScene = noClasses().that().haveSimpleNameEndingWith("ViewModel")
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
        .because("views bind to view models, which stay testable without a window");
}
