package dev.orchestrion.cases.mapping;

import java.util.List;
import java.util.Map;

import dev.orchestrion.cases.model.ParameterSetEntity;
import dev.orchestrion.cases.model.ParameterViolation;
import dev.orchestrion.cases.rest.ParameterSetResponse;
import dev.orchestrion.cases.rest.ParameterValidationResponse;

/** Parameter sets and their checks to their REST representations. */
public final class ParameterSetMapper {

    private ParameterSetMapper() {
    }

    /** The set with {@code parameters} as the caller may see them (redacted values masked). */
    public static ParameterSetResponse toResponse(ParameterSetEntity set, Map<String, Object> parameters) {
        return new ParameterSetResponse(set.id, set.workflowDefinitionId, set.definitionVersion, parameters,
                set.createdAt);
    }

    public static ParameterValidationResponse toValidationResponse(List<ParameterViolation> violations) {
        return new ParameterValidationResponse(violations.isEmpty(), violations.stream()
                .map(v -> new ParameterValidationResponse.Violation(v.field(), v.message())).toList());
    }
}
