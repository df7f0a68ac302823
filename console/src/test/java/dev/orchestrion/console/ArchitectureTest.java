package dev.orchestrion.console;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.orchestrion.testsupport.architecture.LayeringRules;

/**
 * The console's code has no package cycles and imports none of the services' code (it knows them by their HTTP API
 * and their events only). It has no service/repository/model layers, so those rules have nothing to check here.
 */
class ArchitectureTest {

    private static final String BASE = "dev.orchestrion.console";

    @TestFactory
    Stream<DynamicTest> productionCodeHoldsTheLayering() {
        JavaClasses classes = LayeringRules.productionClassesOf(BASE);
        return List.of(LayeringRules.noPackageCycles(BASE), LayeringRules.noOtherServicesCode(BASE)).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
