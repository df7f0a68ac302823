package dev.orchestrion.content.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.orchestrion.content.model.workflow.EventParameter;
import dev.orchestrion.content.model.workflow.ParameterValidations;
import dev.orchestrion.support.domain.FieldViolation;

class ParameterValidatorTest {

    private static final EventParameter CODE = new EventParameter("code", null, "string", null, null, null,
            new ParameterValidations(new ParameterValidations.Required(Map.of("en-GB", "A code is needed")),
                    new ParameterValidations.Length(2, null),
                    new ParameterValidations.Length(4, Map.of("en-GB", "Four at most")),
                    new ParameterValidations.Regex("[A-Z]+", null), new ParameterValidations.AllowedValues(
                            List.of(TextNode.valueOf("AB"), TextNode.valueOf("ABC")), null)),
            null);
    private static final EventParameter COUNT = new EventParameter("count", null, "integer", null, null, null, null,
            null);

    @Test
    void requiredUsesTheDefinitionsMessage() {
        assertThat(ParameterValidator.problems(List.of(CODE), data()))
                .containsExactly(new FieldViolation("data.code", "A code is needed"));
    }

    @Test
    void eachValidationReportsItsFailure() {
        assertThat(ParameterValidator.problems(List.of(CODE), data().put("code", "ABCDE")))
                .extracting(FieldViolation::message)
                .containsExactly("Four at most", "must be one of [\"AB\", \"ABC\"]");
        assertThat(ParameterValidator.problems(List.of(CODE), data().put("code", "ab")))
                .extracting(FieldViolation::message)
                .containsExactly("must match [A-Z]+", "must be one of [\"AB\", \"ABC\"]");
        assertThat(ParameterValidator.problems(List.of(CODE), data().put("code", "ABC"))).isEmpty();
    }

    @Test
    void dataTypesAreChecked() {
        assertThat(ParameterValidator.problems(List.of(COUNT), data().put("count", "3")))
                .containsExactly(new FieldViolation("data.count", "must be an integer"));
        assertThat(ParameterValidator.problems(List.of(COUNT), data().put("count", 3))).isEmpty();
    }

    @Test
    void unknownParametersAreRefusedButMessageIsAlwaysAccepted() {
        assertThat(ParameterValidator.problems(List.of(), data().put("message", "hello"))).isEmpty();
        assertThat(ParameterValidator.problems(List.of(), data().put("message", 5)))
                .containsExactly(new FieldViolation("data.message", "must be a string"));
        assertThat(ParameterValidator.problems(List.of(), data().put("x", 1)))
                .containsExactly(new FieldViolation("data.x", "is not a parameter of this event"));
        assertThat(ParameterValidator.problems(List.of(), null)).isEmpty();
        assertThat(ParameterValidator.message(data().put("message", "hi"))).isEqualTo("hi");
    }

    private static ObjectNode data() {
        return JsonNodeFactory.instance.objectNode();
    }
}
