package dev.orchestrion.content.model.workflow;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One state of a workflow definition and the events that may be invoked while an entry is in it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowStateDefinition(String id, Map<String, String> name, List<WorkflowEvent> events, String color,
        String uiEditorView, Boolean allowUpdates) {

    public List<WorkflowEvent> eventsOrEmpty() {
        return events == null ? List.of() : events;
    }

    /** Entries in this state may be edited unless the definition says {@code allowUpdates: false}. */
    public boolean updatesAllowed() {
        return !Boolean.FALSE.equals(allowUpdates);
    }
}
