package dev.orchestrion.runner;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

import dev.orchestrion.testsupport.architecture.LayeringRules;

/**
 * The layering of docs/architecture.md ("runner-service: layout"), held by the build: a wrong import fails this test.
 * runner-service adds the engine's purity to the rules every service holds.
 */
class ArchitectureTest {

    private static final String BASE = "dev.orchestrion.runner";

    @TestFactory
    Stream<DynamicTest> productionCodeHoldsTheLayering() {
        JavaClasses classes = LayeringRules.productionClassesOf(BASE);
        List<ArchRule> rules = Stream
                .concat(LayeringRules.layering(BASE).stream(), Stream.of(LayeringRules.engineIsPure(BASE))).toList();
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }
}
