package dev.orchestrion.cases.rest;

import java.util.List;

import dev.orchestrion.cases.model.ParameterViolation;

/** Whether a stored parameter set meets a published version's parameter schema, and every rule it breaks. */
public record ParameterValidationResponse(boolean valid, List<Violation> violations) {

    public static ParameterValidationResponse of(List<ParameterViolation> violations) {
        return new ParameterValidationResponse(violations.isEmpty(),
                violations.stream().map(v -> new Violation(v.field(), v.message())).toList());
    }

    /** One broken rule: the field ({@code parameters.<name>}) and what is wrong, never the value. */
    public record Violation(String field, String message) {
    }
}
