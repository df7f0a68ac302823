package dev.orchestrion.content.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.orchestrion.content.workflow.WorkflowMachine.NamedTransition;

/** Seed 004's answer to {@code GET /api/v1/workflow/{type}/{id}}: the state and what the caller may invoke now. */
public record WorkflowStateResponse(String state,
        @JsonProperty("enabled_transitions") List<NamedTransition> enabledTransitions) {
}
