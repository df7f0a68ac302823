package dev.orchestrion.cases.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.orchestrion.cases.model.CaseFields;

/**
 * The body of a create and the service's own {@link CaseFields} are two records of the same fields: the edge checks
 * the one, a merge patch is checked by the other, and an Idempotency-Key fingerprints the body by its JSON.
 */
class CreateCaseRequestTest {

    @Test
    void declaresTheFieldsAndConstraintsOfTheCasesWritableFields() {
        assertThat(constraints(CreateCaseRequest.class)).isEqualTo(constraints(CaseFields.class));
    }

    @Test
    void becomesFieldsThatWriteTheSameJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode attributes = json.createObjectNode().put("score", 700);
        CreateCaseRequest request = new CreateCaseRequest("Ada", "Lovelace", "19151210-1234", "ada@example.com",
                "Engines", "556000-0000", "1 Engine Street", "crm-42", attributes);
        assertThat(json.valueToTree(request.toFields()).equals(json.valueToTree(request))).isTrue();
    }

    /** Each component's name with the Bean Validation constraints on it (not the OpenAPI annotations). */
    private static List<String> constraints(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(CreateCaseRequestTest::describe).toList();
    }

    private static String describe(RecordComponent component) {
        List<String> annotations = Arrays.stream(component.getAccessor().getAnnotations())
                .filter(CreateCaseRequestTest::isConstraint).map(Annotation::toString).sorted().toList();
        return component.getName() + " " + annotations;
    }

    private static boolean isConstraint(Annotation annotation) {
        return annotation.annotationType().getPackageName().startsWith("jakarta.validation");
    }
}
