package dev.orchestrion.definition;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.orchestrion.testsupport.architecture.LayeringRules;

/** The layering of docs/architecture.md ("Layering"), held by the build: a wrong import fails this test. */
class ArchitectureTest {

    private static final String BASE = "dev.orchestrion.definition";

    @TestFactory
    Stream<DynamicTest> productionCodeHoldsTheLayering() {
        JavaClasses classes = LayeringRules.productionClassesOf(BASE);
        return LayeringRules.layering(BASE).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
