package dev.orchestrion.content.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.orchestrion.content.workflow.WorkflowMachine.NamedTransition;

/** A workflow a content type may follow: its states (system states included) and every transition by name. */
public record WorkflowSummaryResponse(String id, Map<String, String> name, @JsonProperty("isSystem") boolean isSystem,
        List<String> aliases, String initialState, List<String> states, List<NamedTransition> transitions) {
}
