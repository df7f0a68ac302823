package dev.orchestrion.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service holds (docs/architecture.md, "Layering"), as ArchUnit rules over a service's base
 * package. Each service's {@code ArchitectureTest} checks them against its production classes, so a wrong import
 * fails {@code ./mvnw verify}; {@code LayeringRulesTest} shows each rule failing on a class that breaks it.
 */
public final class LayeringRules {

    /** The other services' base packages: no service imports another's code. */
    private static final List<String> SERVICES = List.of("dev.orchestrion.cases", "dev.orchestrion.definition",
            "dev.orchestrion.runner", "dev.orchestrion.content");

    private LayeringRules() {
    }

    /** The production classes of a service (tests left out). */
    public static JavaClasses productionClassesOf(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** {@code service} never imports {@code rest}: REST types are mapped at the edge. */
    public static ArchRule servicesDoNotUseRestTypes(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..service..").should().dependOnClassesThat()
                .resideInAPackage(basePackage + "..rest..")
                .because("services take and return their own types; rest/ and mapping/ translate");
    }

    /** {@code rest} reaches the store only through {@code service}. */
    public static ArchRule resourcesDoNotUseRepositories(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..rest..").should().dependOnClassesThat()
                .resideInAPackage(basePackage + "..repository..")
                .because("resources call services; queries are built in repositories");
    }

    /** {@code repository} knows the model, not the layers above it. */
    public static ArchRule repositoriesDoNotUseUpperLayers(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..repository..").should().dependOnClassesThat()
                .resideInAnyPackage(basePackage + "..service..", basePackage + "..rest..",
                        basePackage + "..messaging..")
                .because("repositories store and query the model; they call nothing above them");
    }

    /** {@code model} depends on nothing else of the service. */
    public static ArchRule modelStandsAlone(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..model..").should().dependOnClassesThat()
                .resideInAnyPackage(basePackage + "..service..", basePackage + "..rest..",
                        basePackage + "..repository..", basePackage + "..messaging..", basePackage + "..client..",
                        basePackage + "..mapping..")
                .because("the model is what every layer shares");
    }

    /** runner-service's engine computes: it imports itself and the model, never I/O. */
    public static ArchRule engineIsPure(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".engine..").should().dependOnClassesThat()
                .resideOutsideOfPackages(basePackage + ".engine..", basePackage + ".model..", "java..",
                        "com.fasterxml.jackson..", "dev.cel..", "com.google.protobuf..", "com.google.common..",
                        "com.google.errorprone..", "org.jspecify..")
                .because("the engine computes; code outside it performs I/O and feeds outcomes back as commands");
    }

    /** No two packages of the service import each other, directly or round a loop. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                .because("a package cycle hides which way the layers point");
    }

    /** No service imports another service's code. */
    public static ArchRule noOtherServicesCode(String basePackage) {
        List<String> others = new ArrayList<>(SERVICES);
        others.remove(basePackage);
        return noOtherServicesCode(basePackage, others);
    }

    /** No class of {@code basePackage} imports a class of one of {@code others}. */
    static ArchRule noOtherServicesCode(String basePackage, List<String> others) {
        return noClasses().that().resideInAPackage(basePackage + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others.stream().map(p -> p + "..").toArray(String[]::new))
                .because("services share only service-support and their public APIs and events");
    }

    /** Every rule a service holds; runner-service adds {@link #engineIsPure}. */
    public static List<ArchRule> layering(String basePackage) {
        return List.of(servicesDoNotUseRestTypes(basePackage), resourcesDoNotUseRepositories(basePackage),
                repositoriesDoNotUseUpperLayers(basePackage), modelStandsAlone(basePackage),
                noPackageCycles(basePackage), noOtherServicesCode(basePackage));
    }
}
