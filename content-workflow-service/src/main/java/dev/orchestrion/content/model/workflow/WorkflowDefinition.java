package dev.orchestrion.content.model.workflow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A content workflow definition in the format of seed 003: the states an entry may have, the events that move it
 * between them, and presentation fields ({@code projectId}, colours, {@code uiEditorView}, ...) that are stored and
 * returned but never interpreted. It is both the stored form and what clients send and receive.
 *
 * @param isSystem server-managed: true only for the built-in, read-only definitions
 * @param version server-managed: who created and changed the definition, and its version number
 * @param aliases other ids the definition answers to (built-ins only, e.g. {@code contensisEntryApproval})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowDefinition(String id, String uuid, String projectId, Map<String, String> name,
        Map<String, String> description, List<WorkflowStateDefinition> states,
        @JsonAlias("eventGroup") List<EventGroup> eventGroups, @JsonProperty("isSystem") Boolean isSystem,
        DefinitionVersion version, List<String> aliases) {

    @JsonProperty("isSystem")
    public Boolean isSystem() {
        return isSystem;
    }

    public boolean system() {
        return Boolean.TRUE.equals(isSystem);
    }

    public List<WorkflowStateDefinition> statesOrEmpty() {
        return states == null ? List.of() : states;
    }

    public List<EventGroup> eventGroupsOrEmpty() {
        return eventGroups == null ? List.of() : eventGroups;
    }

    public WorkflowDefinition withServerFields(String newUuid, boolean system, DefinitionVersion newVersion,
            List<String> newAliases) {
        return new WorkflowDefinition(id, newUuid, projectId, name, description, states, eventGroups, system,
                newVersion, newAliases);
    }
}
