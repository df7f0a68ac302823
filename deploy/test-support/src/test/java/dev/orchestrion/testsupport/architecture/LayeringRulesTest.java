package dev.orchestrion.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * Each layering rule fails on a class that breaks it (fixture/broken) and holds on a service laid out as
 * docs/architecture.md says (fixture/sound), so a service's ArchitectureTest passing means something.
 */
class LayeringRulesTest {

    private static final String FIXTURES = "dev.orchestrion.testsupport.architecture.fixture";
    private static final String BROKEN = FIXTURES + ".broken";
    private static final String SOUND = FIXTURES + ".sound";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    record Case(String rule, Function<String, ArchRule> of, String offender) {

        @Override
        public String toString() {
            return rule;
        }
    }

    static List<Case> rules() {
        return List.of(
                new Case("services do not use REST types", LayeringRules::servicesDoNotUseRestTypes, "BrokenService"),
                new Case("resources do not use repositories", LayeringRules::resourcesDoNotUseRepositories,
                        "BrokenResource"),
                new Case("repositories do not use upper layers", LayeringRules::repositoriesDoNotUseUpperLayers,
                        "BrokenRepository"),
                new Case("the model stands alone", LayeringRules::modelStandsAlone, "BrokenModel"),
                new Case("the engine is pure", LayeringRules::engineIsPure, "BrokenEngine"),
                new Case("no package cycles", LayeringRules::noPackageCycles, "Cycle detected"),
                new Case("no other service's code",
                        base -> LayeringRules.noOtherServicesCode(base, List.of(FIXTURES + ".other")), "BrokenClient"));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void aRuleFailsOnTheClassThatBreaksItAndHoldsOnASoundLayout(Case rule) {
        EvaluationResult broken = rule.of().apply(BROKEN).evaluate(CLASSES);
        assertThat(broken.hasViolation()).as("violated by the broken fixture").isTrue();
        assertThat(String.join("\n", broken.getFailureReport().getDetails())).contains(rule.offender());

        EvaluationResult sound = rule.of().apply(SOUND).evaluate(CLASSES);
        assertThat(sound.getFailureReport().getDetails()).as("the sound fixture").isEmpty();
    }

    @Test
    void aServiceHoldsEveryGeneralRule() {
        List<String> layering = LayeringRules.layering(BROKEN).stream().map(ArchRule::getDescription).toList();
        assertThat(layering).containsExactlyInAnyOrder(LayeringRules.servicesDoNotUseRestTypes(BROKEN).getDescription(),
                LayeringRules.resourcesDoNotUseRepositories(BROKEN).getDescription(),
                LayeringRules.repositoriesDoNotUseUpperLayers(BROKEN).getDescription(),
                LayeringRules.modelStandsAlone(BROKEN).getDescription(),
                LayeringRules.noPackageCycles(BROKEN).getDescription(),
                LayeringRules.noOtherServicesCode(BROKEN).getDescription());
    }
}
