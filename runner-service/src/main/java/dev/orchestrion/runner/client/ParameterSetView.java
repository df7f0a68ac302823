package dev.orchestrion.runner.client;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A parameter set as case-service serves it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParameterSetView(String id, String workflowDefinitionId, Integer definitionVersion,
        Map<String, Object> parameters) {
}
