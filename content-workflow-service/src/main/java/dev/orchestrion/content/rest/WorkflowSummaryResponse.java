package dev.orchestrion.content.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.orchestrion.content.workflow.WorkflowMachine;
import dev.orchestrion.content.workflow.WorkflowMachine.NamedTransition;

/** A workflow a content type may follow: its states (system states included) and every transition by name. */
public record WorkflowSummaryResponse(String id, Map<String, String> name, @JsonProperty("isSystem") boolean isSystem,
        List<String> aliases, String initialState, List<String> states, List<NamedTransition> transitions) {

    public static WorkflowSummaryResponse of(WorkflowMachine machine) {
        var definition = machine.definition();
        return new WorkflowSummaryResponse(definition.id(), definition.name(), definition.system(),
                definition.aliases() == null ? List.of() : definition.aliases(), machine.firstState(),
                machine.stateIds(), machine.allTransitions());
    }
}
