package dev.orchestrion.cases.rest;

import java.util.List;

/** Whether a stored parameter set meets a published version's parameter schema, and every rule it breaks. */
public record ParameterValidationResponse(boolean valid, List<Violation> violations) {

    /** One broken rule: the field ({@code parameters.<name>}) and what is wrong, never the value. */
    public record Violation(String field, String message) {
    }
}
