package dev.orchestrion.runner.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** case-service's verdict on a parameter set against a published version's schema. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParameterValidationView(boolean valid, List<Violation> violations) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Violation(String field, String message) {
    }
}
